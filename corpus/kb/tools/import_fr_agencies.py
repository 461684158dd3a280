#!/usr/bin/env python3
"""Adds the Federal Register agencies that agencies.json lacks (stdlib only).

    python3 corpus/kb/tools/import_fr_agencies.py          # rewrites corpus/kb/agencies.json

Reads fr-agencies.tsv (the Federal Register's own agency list: slug, name, short
name, parent) and adds one entity per slug that agencies.json does not have yet.
Entities already in the file are never changed, so hand edits survive a rerun.

The Federal Register names agencies in index order ("Land Management Bureau",
"Trade Representative, Office of United States"); documents name them in running
order ("Bureau of Land Management"). The generated `name` is the running form:
"X Bureau" -> "Bureau of X", "X Office" -> "Office of X", and the HAND table for
everything a rule gets wrong. The index form is kept as a case-sensitive alias.
The short name becomes an `acronyms` entry, which the extractor accepts only in a
document that also names the agency in full (the Federal Register's short names
collide: ARC, PRC, OFR, IIO, FS, NSA each belong to two agencies, and BPA, AMS,
NEA, NCD are also words of the papers in the corpus).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kbjson  # noqa: E402

KB = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSV = os.path.join(KB, "tools", "fr-agencies.tsv")
SOURCE = "fr-agencies-2024-01-22"

# Names whose running form no rule gives, and entries that must not match on
# their plain name (ambiguous): generic office names that several departments
# have, inspector-general offices (whose titles embed the department's name),
# legislative bodies (Congress is not an agency for this project).
HAND = {
    "action": {"name": "ACTION", "ambiguous": True, "note": "The 1971-1995 volunteer agency; its name is an ordinary word."},
    "administration-office-executive-office-of-the-president": {
        "name": "Office of Administration", "aliases_cs": ["Office of Administration of the Executive Office of the President"]},
    "alcohol-tobacco-firearms-and-explosives-bureau": {
        "name": "Bureau of Alcohol, Tobacco, Firearms and Explosives",
        "aliases_cs": ["Bureau of Alcohol, Tobacco, Firearms, and Explosives"]},
    "aging-administration": {"name": "Administration on Aging"},
    "children-and-families-administration": {"name": "Administration for Children and Families"},
    "community-living-administration": {"name": "Administration for Community Living"},
    "congressional-budget-office": {"name": "Congressional Budget Office"},
    "cooperative-state-research-education-and-extension-service": {"name": "Cooperative State Research, Education, and Extension Service"},
    "copyright-office-library-of-congress": {"name": "U.S. Copyright Office", "aliases_cs": ["United States Copyright Office", "Register of Copyrights"]},
    "crime-and-security-in-u-s-seaports-interagency-commission": {"name": "Interagency Commission on Crime and Security in U.S. Seaports"},
    "commercial-space-transportation-office": {"name": "Office of Commercial Space Transportation"},
    "economic-analysis-staff": {"name": "Economic Analysis Staff", "ambiguous": True},
    "environment-office-energy-department": {"name": "Office of Environment", "ambiguous": True},
    "federal-pay-advisory-committee": {"name": "Federal Pay Advisory Committee"},
    "federal-register-administrative-committee": {"name": "Administrative Committee of the Federal Register"},
    "federal-register-office": {"name": "Office of the Federal Register"},
    "fiscal-service": {"name": "Fiscal Service", "ambiguous": True, "note": "The Federal Register's older entry; bureau-of-the-fiscal-service is the bureau."},
    "government-accountability-office": {"name": "Government Accountability Office", "aliases_cs": ["General Accounting Office", "Comptroller General of the United States"]},
    "government-publishing-office": {"name": "Government Publishing Office", "aliases_cs": ["U.S. Government Publishing Office", "Government Printing Office", "U.S. Government Printing Office"]},
    "grain-inspection-packers-and-stockyards-administration": {"name": "Grain Inspection, Packers and Stockyards Administration"},
    "health-care-finance-administration": {"name": "Health Care Financing Administration", "aliases_cs": ["Health Care Finance Administration"]},
    "hearings-and-appeals-office-energy-department": {"name": "Office of Hearings and Appeals", "ambiguous": True, "note": "Energy and Interior each have one."},
    "hearings-and-appeals-office-interior-department": {"name": "Office of Hearings and Appeals", "ambiguous": True, "note": "Energy and Interior each have one."},
    "information-security-oversight-office": {"name": "Information Security Oversight Office"},
    "inspector-general-office-agriculture-department": {"name": "Office of Inspector General, Department of Agriculture", "ambiguous": True},
    "inspector-general-office-health-and-human-services-department": {"name": "Office of Inspector General, Department of Health and Human Services", "ambiguous": True},
    "intellectual-property-enforcement-coordinator-office": {"name": "Office of the Intellectual Property Enforcement Coordinator", "heads": ["Intellectual Property Enforcement Coordinator"]},
    "international-boundary-and-water-commission-united-states-and-mexico": {"name": "International Boundary and Water Commission"},
    "international-joint-commission-united-states-and-canada": {"name": "International Joint Commission"},
    "library-of-congress": {"name": "Library of Congress", "heads": ["Librarian of Congress"]},
    "monetary-offices": {"name": "Monetary Offices", "ambiguous": True},
    "national-commission-on-military-national-and-public-service": {"name": "National Commission on Military, National, and Public Service"},
    "national-nanotechnology-coordination-office": {"name": "National Nanotechnology Coordination Office"},
    "navajo-and-hopi-indian-relocation-office": {"name": "Office of Navajo and Hopi Indian Relocation"},
    "ocean-energy-management-regulation-and-enforcement-bureau": {"name": "Bureau of Ocean Energy Management, Regulation and Enforcement",
                                                                  "aliases_cs": ["Bureau of Ocean Energy Management, Regulation, and Enforcement"]},
    "office-of-policy-development": {"name": "Office of Policy Development", "ambiguous": True, "note": "A generic name: HUD and others have one."},
    "office-of-the-chief-financial-officer-agriculture-department": {"name": "Office of the Chief Financial Officer, Department of Agriculture", "ambiguous": True},
    "operations-office": {"name": "Office of Operations", "ambiguous": True},
    "patent-and-trademark-office": {"name": "United States Patent and Trademark Office", "aliases_cs": ["U.S. Patent and Trademark Office", "Patent and Trademark Office"]},
    "procurement-and-property-management-office-of": {"name": "Office of Procurement and Property Management", "ambiguous": True},
    "program-support-center": {"name": "Program Support Center", "ambiguous": True},
    "public-debt-bureau": {"name": "Bureau of the Public Debt"},
    "federal-housing-enterprise-oversight-office": {"name": "Office of Federal Housing Enterprise Oversight"},
    "special-counsel-office": {"name": "Office of Special Counsel", "aliases_cs": ["U.S. Office of Special Counsel", "United States Office of Special Counsel"]},
    "special-trustee-for-american-indians-office": {"name": "Office of the Special Trustee for American Indians"},
    "the-white-house-office": {"name": "White House Office", "ambiguous": True,
                               "note": "'White House Office of ...' names other units; the plain name would take their first words."},
    "transportation-office": {"name": "Office of Transportation", "ambiguous": True},
    "travel-and-tourism-administration": {"name": "United States Travel and Tourism Administration"},
    "u-s-house-of-representatives": {"name": "U.S. House of Representatives", "ambiguous": True,
                                     "note": "Congress is not an agency for this project (tests/eval/README.md)."},
    "us-codex-office": {"name": "U.S. Codex Office"},
    "victims-of-crime-office": {"name": "Office for Victims of Crime"},
    "workers-compensation-programs-office": {"name": "Office of Workers' Compensation Programs"},
    "juvenile-justice-and-delinquency-prevention-office": {"name": "Office of Juvenile Justice and Delinquency Prevention"},
    "labor-management-standards-office": {"name": "Office of Labor-Management Standards"},
    "under-secretary-for-economic-affairs": {"name": "Under Secretary for Economic Affairs", "ambiguous": True},
    "national-shipping-authority": {"name": "National Shipping Authority"},
    "national-counterintelligence-center": {"name": "National Counterintelligence Center"},
    "bureau-of-the-fiscal-service": {"name": "Bureau of the Fiscal Service"},
    "office-of-national-drug-control-policy": {"name": "Office of National Drug Control Policy",
                                               "heads": ["Director of National Drug Control Policy"], "parent": "agency:executive-office-of-the-president"},
    "office-of-the-national-cyber-director": {"name": "Office of the National Cyber Director", "heads": ["National Cyber Director"]},
    "national-space-council": {"name": "National Space Council"},
    "united-states-enrichment-corporation": {"name": "United States Enrichment Corporation",
                                             "note": "Privatised in 1998; the gold set does not label it in EO 13085, where it is the company being sold."},
    "united-states-mint": {"name": "United States Mint", "aliases_cs": ["U.S. Mint"]},
    "united-states-marshals-service": {"name": "United States Marshals Service", "aliases_cs": ["U.S. Marshals Service"]},
    "geographic-names-board": {"name": "Board on Geographic Names", "aliases_cs": ["U.S. Board on Geographic Names", "United States Board on Geographic Names"]},
    "smithsonian-institution": {"name": "Smithsonian Institution"},
    "postal-rate-commission": {"name": "Postal Rate Commission"},
}

# Short names that are not acronyms of the agency (a word, a department's
# acronym, a list) are dropped.
NOT_ACRONYMS = {"DOE", "DOL", "TD", "LOC", "HOUSE", "SAINT", "PACIFIC", "ARTS", "MISS", "APPAL", "ARCTIC",
                "NEIGHBOR", "ACTION", "CODEX", "ANTITRUST", "DC", "PC", "PT", "OO", "FS", "USA",
                "PRC"}  # PRC: the People's Republic of China (countries.json)


def running_name(name):
    if ", " in name:
        return None
    m = re.match(r"^(.*) Bureau$", name)
    if m and name not in ("Consumer Financial Protection Bureau", "Alcohol and Tobacco Tax and Trade Bureau", "Census Bureau"):
        return "Bureau of " + m.group(1)
    m = re.match(r"^(.*) Office$", name)
    if m:
        return "Office of " + m.group(1)
    return name


def us_variants(name):
    """'United States X' and 'U.S. X' name the same agency."""
    if name.startswith("United States "):
        return ["U.S. " + name[len("United States "):]]
    if name.startswith("U.S. "):
        return ["United States " + name[len("U.S. "):]]
    return []


def main():
    path = os.path.join(KB, "agencies.json")
    doc = json.load(open(path, encoding="utf-8"))
    have = {e["id"] for e in doc["entities"]}
    rows = [l.rstrip("\n").split("\t") for l in open(TSV, encoding="utf-8") if not l.startswith("#")]
    added = 0
    for slug, fr_name, short, parent in rows:
        eid = "agency:" + slug
        if eid in have:
            continue
        hand = HAND.get(slug, {})
        name = hand.get("name") or running_name(fr_name)
        if not name:
            sys.exit("import_fr_agencies: no running name for %s (%s): add it to HAND" % (slug, fr_name))
        e = {"id": eid, "name": name}
        if hand.get("ambiguous"):
            e["ambiguous"] = True
        forms = list(hand.get("aliases_cs", []))
        if not hand.get("ambiguous"):
            forms += us_variants(name)
            if fr_name != name and ", " not in fr_name:
                forms.append(fr_name)
        forms = sorted(set(f for f in forms if f != name))
        if forms:
            e["aliases_cs"] = forms
        acronym = short.split("/")[0].strip()
        if (not hand.get("ambiguous") and re.match(r"^[A-Z][A-Za-z]{1,9}$", acronym) and acronym not in NOT_ACRONYMS
                and sum(1 for c in acronym if c.isupper()) >= 2):
            e["acronyms"] = [acronym]
        if hand.get("heads"):
            e["heads"] = hand["heads"]
        par = hand.get("parent") or ("agency:" + parent if parent else "")
        if par:
            e["parent"] = par
        e["country"] = "country:us"
        e["fr_slug"] = slug
        e["source"] = SOURCE
        if hand.get("note"):
            e["note"] = hand["note"]
        doc["entities"].append(e)
        added += 1
    doc["entities"].sort(key=lambda x: x["id"])
    open(path, "w", encoding="utf-8").write(kbjson.dumps(doc))
    print("import_fr_agencies: %d agencies added, %d in all" % (added, len(doc["entities"])))


if __name__ == "__main__":
    main()
