#!/usr/bin/env python3
"""Generates corpus/kb/countries.json (stdlib only).

Input: Debian's iso-codes package (ISO 3166-1 names in
/usr/share/iso-codes/json/iso_3166-1.json, Chinese names in the gettext
catalog /usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo), merged with the
hand-written table HAND below (common forms, adjectives, Chinese extras and
the ambiguity rules). Output is sorted by id and byte-for-byte deterministic
for a given iso-codes version.

    python3 corpus/kb/tools/gen_countries.py            # writes corpus/kb/countries.json
    python3 corpus/kb/tools/gen_countries.py --stdout   # prints it instead

Matching rules that shape the table (see corpus/kb/README.md):
- a country's `name` is matched case-sensitively (proper name);
- `aliases` are matched case-insensitively, so only multi-word forms go there
  ("People's Republic of China"); single words go to `aliases_cs` ("Russia",
  "Turkey") so that "turkey" the bird or "chile" the pepper never match;
- `adjectives` are case-sensitive; adjectives that are languages used in
  U.S. documents for other reasons, or that are shared between countries, are
  left out on purpose (see the notes: "American", "Indian", "Korean",
  "Congolese", "Guinean", "Georgian", "Dominican", "Spanish", "Portuguese",
  "Macedonian", "Korean");
- `ambiguous: true` means the plain name is NOT matched (Georgia, Jersey):
  only the aliases and Chinese names are;
- U.S. territories (Puerto Rico, Guam, American Samoa, U.S. Virgin Islands,
  Northern Mariana Islands, Minor Outlying Islands) are listed but match no
  name: the project counts them as parts of the United States;
- `not_in` lists longer phrases that contain a match but do not name the
  country ("New Mexico", "Inner Mongolia"); the matcher should let them win
  by leftmost-longest matching and emit nothing.
Web of Science address forms ("Peoples R China", "U Arab Emirates", "Dem Rep
Congo") are aliases too, for the bibliometric exports.
"""
import gettext
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kbjson  # noqa: E402

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ZH_MO = "/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo"
OUT = os.path.join(os.path.dirname(HERE), "countries.json")

# Hand-written table. Keys per alpha-2 code:
#   name        display name replacing the ISO one (the ISO forms stay aliases)
#   aliases     extra multi-word forms (case-insensitive)
#   aliases_cs  extra single-word forms and acronyms (case-sensitive)
#   adjectives  case-sensitive adjectives / demonyms
#   zh / zh_drop  Chinese forms to add / to drop from the catalog's
#   drop        ISO-derived forms NOT to use (ambiguous)
#   ambiguous   the plain name is not matched
#   not_in      phrases containing the name that do not mean the country
#   note        why
HAND = {
    # --- the most relevant for critical minerals and trade -----------------
    "CN": dict(aliases=["People's Republic of China", "Mainland China", "Chinese mainland", "Peoples R China"],
               aliases_cs=["PRC"], adjectives=["Chinese"], zh=["中国", "中华人民共和国", "中国大陆", "我国"],
               note="'Chinese' also names the language; 'Peoples R China' is the Web of Science address form. 我国 "
                    "('our country') is how PRC laws name China. 'Republic of China' alone is not used (pre-1949 "
                    "China or Taiwan)."),
    "TW": dict(aliases=["Chinese Taipei"], adjectives=["Taiwanese"], zh=["台湾", "台湾地区", "中国台湾"],
               note="ISO 3166-1 name 'Taiwan, Province of China' is kept as an alias because it is the standard's name."),
    "HK": dict(aliases=["Hong Kong SAR", "Hong Kong Special Administrative Region"], zh=["香港", "香港特别行政区"]),
    "MO": dict(aliases_cs=["Macau"], aliases=["Macao SAR", "Macau SAR"], zh=["澳门"]),
    "US": dict(aliases=["United States of America"], aliases_cs=["U.S.", "U.S.A.", "USA", "US", "America"],
               adjectives=["American"], zh=["美国", "美利坚合众国"],
               not_in=["North America", "South America", "Central America", "Latin America", "Latin American",
                       "South American", "Central American", "American Samoa", "U.S. Virgin Islands"],
               note="'US' is matched case-sensitively (an all-capitals 'LET US' heading would be a false positive). "
                    "'America' and 'American' link here; the continents and Latin America are not_in. U.S. "
                    "documents name the United States constantly: rank its mentions low."),
    "GB": dict(aliases=["Great Britain", "Northern Ireland"],
               aliases_cs=["UK", "U.K.", "Britain", "England", "Scotland", "Wales"], adjectives=["British"],
               zh=["英国"],
               not_in=["British Columbia", "New England", "New South Wales", "Prince of Wales", "Princess of Wales"],
               note="England, Scotland, Wales and Northern Ireland (the parts of the United Kingdom, as Web of "
                    "Science addresses name them) link here. 'British Columbia' is a Canadian province, 'New England' "
                    "a U.S. region and 'New South Wales' an Australian State."),
    "AU": dict(aliases=["Commonwealth of Australia"], adjectives=["Australian"], zh=["澳大利亚", "澳洲"]),
    "CA": dict(adjectives=["Canadian"], zh=["加拿大"]),
    "JP": dict(adjectives=["Japanese"], zh=["日本"]),
    "KR": dict(aliases=["Republic of Korea"], aliases_cs=["ROK", "Korea"], adjectives=["South Korean"],
               zh=["韩国", "大韩民国", "南韩"],
               note="Plain 'Korea' maps here: in these documents it is almost always the Republic of Korea (the KORUS "
                    "agreement, 'the United States and Korea'); 'North Korea' wins by longest match. The adjective "
                    "'Korean' is shared by both Koreas and the peninsula (Korean War) and is not matched."),
    "KP": dict(aliases=["North Korea", "Workers' Party of Korea", "Korean Workers' Party"], aliases_cs=["DPRK"], adjectives=["North Korean"], zh=["朝鲜", "北韩"]),
    "RU": dict(aliases_cs=["Russia"], adjectives=["Russian"], zh=["俄罗斯", "俄罗斯联邦", "俄国"],
               note="'Russian' also names the language."),
    "UA": dict(adjectives=["Ukrainian"], zh=["乌克兰"]),
    "IN": dict(aliases=["Republic of India"], zh=["印度"],
               note="The adjective 'Indian' is not matched: U.S. federal documents use it constantly for American "
                    "Indian tribes (Indian Affairs, Indian lands)."),
    "CD": dict(name="Democratic Republic of the Congo",
               aliases=["Democratic Republic of Congo", "DR Congo", "Dem Rep Congo", "Congo-Kinshasa", "Congo, Democratic Republic of the"],
               aliases_cs=["DRC", "Zaire"], zh=["刚果民主共和国", "刚果（金）", "刚果金", "民主刚果"],
               note="Plain 'Congo' is not matched (it names both Congos, and the river). 'Congolese' is shared by both "
                    "and is not matched. 'Zaire' was the country's name from 1971 to 1997."),
    "CG": dict(name="Republic of the Congo", aliases=["Congo-Brazzaville", "Congo Republic", "Rep Congo"],
               zh=["刚果共和国", "刚果（布）", "刚果布"], drop=["Congo"], zh_drop=["刚果"],
               note="The ISO short name 'Congo' (and 刚果) is not matched: it names both Congos. 'Democratic Republic "
                    "of the Congo' contains this name and wins by leftmost-longest matching."),
    "ZM": dict(adjectives=["Zambian"], zh=["赞比亚"]),
    "ZW": dict(adjectives=["Zimbabwean"], zh=["津巴布韦"]),
    "ZA": dict(aliases=["Republic of South Africa"], adjectives=["South African"], zh=["南非"]),
    "NA": dict(adjectives=["Namibian"], zh=["纳米比亚"]),
    "BW": dict(zh=["博茨瓦纳"]),
    "MZ": dict(adjectives=["Mozambican"], zh=["莫桑比克"]),
    "MG": dict(adjectives=["Malagasy"], zh=["马达加斯加"]),
    "TZ": dict(adjectives=["Tanzanian"], zh=["坦桑尼亚"]),
    "KE": dict(adjectives=["Kenyan"], zh=["肯尼亚"]),
    "RW": dict(adjectives=["Rwandan"], zh=["卢旺达"]),
    "UG": dict(adjectives=["Ugandan"], zh=["乌干达"]),
    "AO": dict(adjectives=["Angolan"], zh=["安哥拉"]),
    "GA": dict(adjectives=["Gabonese"], zh=["加蓬"]),
    "GH": dict(adjectives=["Ghanaian"], zh=["加纳"]),
    "GN": dict(aliases=["Republic of Guinea", "Guinea-Conakry"], zh=["几内亚"],
               not_in=["New Guinea", "Gulf of Guinea", "Guinea pig", "Guinea fowl"],
               note="'Guinea' is matched case-sensitively (never 'guinea pig'); Guinea-Bissau, Equatorial Guinea and "
                    "Papua New Guinea win by longest match. 'Guinean' is shared by four countries and is not matched."),
    "NE": dict(adjectives=["Nigerien"], zh=["尼日尔"], not_in=["Niger Delta", "Niger River"],
               note="'Niger' is matched case-sensitively; the Niger Delta lies in Nigeria."),
    "NG": dict(adjectives=["Nigerian"], zh=["尼日利亚"]),
    "MA": dict(adjectives=["Moroccan"], zh=["摩洛哥"]),
    "EG": dict(adjectives=["Egyptian"], zh=["埃及"]),
    "ET": dict(adjectives=["Ethiopian"], zh=["埃塞俄比亚"]),
    "SD": dict(adjectives=["Sudanese"]),
    "SS": dict(adjectives=["South Sudanese"]),
    "LY": dict(adjectives=["Libyan"]),
    "DZ": dict(adjectives=["Algerian"]),
    "TN": dict(adjectives=["Tunisian"]),
    "ML": dict(adjectives=["Malian"]),
    "BF": dict(adjectives=["Burkinabe", "Burkinabè"]),
    "SN": dict(adjectives=["Senegalese"]),
    "CI": dict(aliases=["Ivory Coast", "Cote Ivoire"], adjectives=["Ivorian"]),
    "CM": dict(adjectives=["Cameroonian"]),
    "TD": dict(aliases=["Republic of Chad"], adjectives=["Chadian"],
               note="'Chad' is matched case-sensitively; it is also a given name (e.g. a former acting Secretary of "
                    "Homeland Security)."),
    "SO": dict(adjectives=["Somali"]),
    "ER": dict(adjectives=["Eritrean"]),
    "DJ": dict(adjectives=["Djiboutian"]),
    "MW": dict(adjectives=["Malawian"]),
    "SL": dict(adjectives=["Sierra Leonean"]),
    "LR": dict(adjectives=["Liberian"]),
    "GM": dict(aliases=["The Gambia"], adjectives=["Gambian"]),
    "MR": dict(adjectives=["Mauritanian"]),
    "CL": dict(adjectives=["Chilean"], zh=["智利"],
               note="'Chile' is matched case-sensitively (never 'chile' the pepper)."),
    "PE": dict(adjectives=["Peruvian"], zh=["秘鲁"]),
    "BO": dict(adjectives=["Bolivian"], zh=["玻利维亚"]),
    "AR": dict(aliases=["Argentine Republic"], adjectives=["Argentine", "Argentinian"], zh=["阿根廷"]),
    "BR": dict(adjectives=["Brazilian"], zh=["巴西"]),
    "MX": dict(aliases=["United Mexican States"], adjectives=["Mexican"], zh=["墨西哥"],
               not_in=["New Mexico", "Gulf of Mexico"],
               note="'New Mexico' is a U.S. State (uranium, potash, copper mining) and must not count as Mexico."),
    "CO": dict(adjectives=["Colombian"]),
    "EC": dict(adjectives=["Ecuadorian"]),
    "VE": dict(adjectives=["Venezuelan"], zh=["委内瑞拉"]),
    "CU": dict(adjectives=["Cuban"]),
    "PA": dict(adjectives=["Panamanian"]),
    "GT": dict(adjectives=["Guatemalan"]),
    "HN": dict(adjectives=["Honduran"]),
    "SV": dict(adjectives=["Salvadoran"]),
    "NI": dict(adjectives=["Nicaraguan"]),
    "HT": dict(adjectives=["Haitian"]),
    "DO": dict(note="The adjective 'Dominican' is shared with Dominica (and a religious order) and is not matched."),
    "JM": dict(adjectives=["Jamaican"]),
    "GY": dict(adjectives=["Guyanese"]),
    "SR": dict(adjectives=["Surinamese"]),
    "UY": dict(adjectives=["Uruguayan"]),
    "PY": dict(adjectives=["Paraguayan"]),
    "CR": dict(adjectives=["Costa Rican"]),
    "ID": dict(adjectives=["Indonesian"], zh=["印度尼西亚", "印尼"]),
    "PH": dict(aliases=["Republic of the Philippines"], adjectives=["Philippine", "Filipino"], zh=["菲律宾"]),
    "MY": dict(adjectives=["Malaysian"], zh=["马来西亚"]),
    "VN": dict(adjectives=["Vietnamese"], zh=["越南"]),
    "TH": dict(adjectives=["Thai"], zh=["泰国"]),
    "MM": dict(aliases_cs=["Burma"], adjectives=["Burmese"], zh=["缅甸"],
               note="U.S. government documents use 'Burma'."),
    "LA": dict(adjectives=["Laotian"], zh=["老挝"]),
    "KH": dict(adjectives=["Cambodian"]),
    "MN": dict(adjectives=["Mongolian"], zh=["蒙古国"], not_in=["Inner Mongolia", "Inner Mongolian"],
               note="Inner Mongolia is a region of China (Bayan Obo rare-earth mine) and must not count as Mongolia."),
    "SG": dict(adjectives=["Singaporean"]),
    "BN": dict(aliases_cs=["Brunei"], adjectives=["Bruneian"]),
    "TL": dict(aliases=["East Timor"], adjectives=["Timorese"]),
    "PG": dict(aliases=["Papua N Guinea"], adjectives=["Papua New Guinean"]),
    "BA": dict(aliases=["Bosnia & Herceg"]),
    "TT": dict(aliases=["Trinid & Tobago"]),
    "CF": dict(aliases=["Cent Afr Republ"]),
    "NZ": dict(zh=["新西兰"]),
    "WS": dict(aliases=["Independent State of Samoa"], not_in=["American Samoa"],
               note="'American Samoa' is a U.S. territory (not matched as a country) and must not count as Samoa."),
    "FJ": dict(adjectives=["Fijian"]),
    "KZ": dict(adjectives=["Kazakh", "Kazakhstani"], zh=["哈萨克斯坦"]),
    "UZ": dict(adjectives=["Uzbek"], zh=["乌兹别克斯坦"]),
    "KG": dict(adjectives=["Kyrgyz"]),
    "TJ": dict(adjectives=["Tajik"]),
    "TM": dict(adjectives=["Turkmen"]),
    "AF": dict(adjectives=["Afghan"]),
    "PK": dict(adjectives=["Pakistani"], zh=["巴基斯坦"]),
    "BD": dict(adjectives=["Bangladeshi"]),
    "LK": dict(adjectives=["Sri Lankan"]),
    "NP": dict(adjectives=["Nepali", "Nepalese"]),
    "IR": dict(adjectives=["Iranian"], zh=["伊朗"]),
    "IQ": dict(adjectives=["Iraqi"]),
    "SA": dict(aliases=["Kingdom of Saudi Arabia"], adjectives=["Saudi"], zh=["沙特阿拉伯", "沙特"]),
    "AE": dict(aliases=["U Arab Emirates"], aliases_cs=["UAE"], adjectives=["Emirati"], zh=["阿联酋"]),
    "QA": dict(adjectives=["Qatari"]),
    "KW": dict(adjectives=["Kuwaiti"]),
    "BH": dict(adjectives=["Bahraini"]),
    "OM": dict(adjectives=["Omani"]),
    "YE": dict(adjectives=["Yemeni"]),
    "IL": dict(adjectives=["Israeli"], zh=["以色列"]),
    "PS": dict(name="Palestine", aliases=["State of Palestine"], adjectives=["Palestinian"]),
    "JO": dict(aliases=["Hashemite Kingdom of Jordan"], adjectives=["Jordanian"],
               note="'Jordan' is matched case-sensitively; it is also a given name and a river."),
    "SY": dict(adjectives=["Syrian"]),
    "LB": dict(adjectives=["Lebanese"]),
    "TR": dict(aliases=["Republic of Turkey"], aliases_cs=["Turkey"], adjectives=["Turkish"], zh=["土耳其"],
               note="'Turkey' is matched case-sensitively only (never the bird; a capitalised 'Turkey' in a "
                    "Thanksgiving proclamation can still be a false positive). The ISO name is 'Türkiye'."),
    "GE": dict(ambiguous=True, aliases=["Republic of Georgia"], zh=["格鲁吉亚"],
               note="The plain name 'Georgia' is not matched: in U.S. documents it is almost always the U.S. State. "
                    "The adjective 'Georgian' is not matched either (residents of the State, Georgian architecture). "
                    "Only 'Republic of Georgia' and 格鲁吉亚 (the State is 佐治亚州) link here."),
    "AM": dict(adjectives=["Armenian"]),
    "AZ": dict(adjectives=["Azerbaijani"]),
    "BY": dict(adjectives=["Belarusian"]),
    "MD": dict(adjectives=["Moldovan"]),
    # --- Europe ---------------------------------------------------------------
    "DE": dict(aliases=["Federal Republic of Germany"], adjectives=["German"], zh=["德国"]),
    "FR": dict(aliases=["French Republic"], adjectives=["French"], zh=["法国"],
               note="'French' also names the language; French Polynesia, French Guiana and the French Southern "
                    "Territories win by longest match."),
    "IT": dict(adjectives=["Italian"], zh=["意大利"]),
    "ES": dict(zh=["西班牙"], note="The adjective 'Spanish' is not matched: in U.S. documents it is mostly the language."),
    "PT": dict(zh=["葡萄牙"], note="The adjective 'Portuguese' is not matched (the language of Brazil, Angola, Mozambique)."),
    "NL": dict(aliases=["The Netherlands"], adjectives=["Dutch"], zh=["荷兰"],
               note="'Holland' is not matched (a surname and a U.S. town)."),
    "BE": dict(adjectives=["Belgian"]),
    "SE": dict(adjectives=["Swedish"], zh=["瑞典"]),
    "FI": dict(adjectives=["Finnish"], zh=["芬兰"]),
    "NO": dict(adjectives=["Norwegian"], zh=["挪威"]),
    "DK": dict(adjectives=["Danish"]),
    "GL": dict(adjectives=["Greenlandic"], zh=["格陵兰"]),
    "IS": dict(adjectives=["Icelandic"]),
    "IE": dict(adjectives=["Irish"], not_in=["Northern Irish"],
               note="Northern Ireland is part of the United Kingdom (an alias of country:gb, so it wins by longest match)."),
    "PL": dict(adjectives=["Polish"], zh=["波兰"], note="'Polish' is matched case-sensitively (not the verb)."),
    "CZ": dict(adjectives=["Czech"]),
    "SK": dict(adjectives=["Slovak"]),
    "HU": dict(adjectives=["Hungarian"]),
    "RO": dict(adjectives=["Romanian"]),
    "BG": dict(adjectives=["Bulgarian"]),
    "GR": dict(adjectives=["Greek"]),
    "AT": dict(adjectives=["Austrian"]),
    "CH": dict(aliases=["Swiss Confederation"], adjectives=["Swiss"]),
    "EE": dict(adjectives=["Estonian"]),
    "LV": dict(adjectives=["Latvian"]),
    "LT": dict(adjectives=["Lithuanian"]),
    "RS": dict(adjectives=["Serbian"]),
    "HR": dict(adjectives=["Croatian"]),
    "SI": dict(adjectives=["Slovenian", "Slovene"]),
    "AL": dict(adjectives=["Albanian"]),
    "MK": dict(aliases=["Former Yugoslav Republic of Macedonia"],
               note="Plain 'Macedonia' (also a region of Greece) and 'Macedonian' are not matched."),
    "ME": dict(adjectives=["Montenegrin"]),
    "CY": dict(adjectives=["Cypriot"]),
    "MT": dict(adjectives=["Maltese"]),
    # --- names that need care ----------------------------------------------------
    "JE": dict(ambiguous=True, aliases=["Bailiwick of Jersey"],
               note="The plain name 'Jersey' is not matched: in U.S. documents it is almost always New Jersey."),
    "VI": dict(name="U.S. Virgin Islands", unmatched=True),
    "PR": dict(unmatched=True),
    "GU": dict(unmatched=True),
    "AS": dict(unmatched=True),
    "MP": dict(unmatched=True),
    "UM": dict(unmatched=True),
    "VG": dict(name="British Virgin Islands"),
    "FM": dict(name="Federated States of Micronesia", drop=["Micronesia"], zh_drop=["密克罗尼西亚"],
               note="Plain 'Micronesia' (also the region) is not matched."),
    "RE": dict(aliases=["La Réunion", "La Reunion"], drop=["Reunion"],
               note="The unaccented 'Reunion' is not matched (an ordinary word in titles)."),
    "VA": dict(name="Holy See", aliases=["Vatican City", "Vatican City State"], aliases_cs=["Vatican"],
               zh=["梵蒂冈", "教廷"]),
    "CV": dict(aliases=["Cape Verde"]),
    "SZ": dict(aliases_cs=["Swaziland"]),
    "DM": dict(aliases=["Commonwealth of Dominica"]),
    "BS": dict(aliases=["The Bahamas"]),
}

# U.S. territories (unmatched=True) keep their ISO entry but no name is
# matched: the project counts them as parts of the United States, not as
# countries (tests/eval label rules). A user file can add names to them.
UNMATCHED_NOTE = ("U.S. territory: listed for ISO 3166-1 completeness but not matched as a country (the project "
                  "counts U.S. territories as parts of the United States). To match it, add its names in a "
                  "knowledge-base file of your own (lode ingest --kb).")


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(seq, exclude=()):
    seen, out = set(exclude), []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def iso_codes_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True,
                              text=True, check=True).stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def inverted(name):
    """ISO's inverted forms ("Korea, Republic of") are not display names."""
    return ", " in name and not name.startswith("Bonaire") and not name.startswith("Saint Helena")


def build():
    records = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    zh_cat = gettext.GNUTranslations(open(ZH_MO, "rb"))

    def zh_of(s):
        t = zh_cat.gettext(s) if s else ""
        return t if t and t != s else ""

    entities = []
    for r in records:
        a2 = r["alpha_2"]
        hand = HAND.get(a2) or {}
        iso_name = r["name"]
        official = (r.get("official_name") or "").strip()
        if official.lower().startswith("the "):
            official = official[4:]
        common = r.get("common_name", "")
        name = hand.get("name") or common or (official if inverted(iso_name) and official else iso_name)
        drop = set(hand.get("drop", []))

        forms = uniq([iso_name, official, common], exclude={name})
        forms += [ascii_fold(f) for f in [name] + forms if ascii_fold(f) != f]
        forms += hand.get("aliases", []) + hand.get("aliases_cs", [])
        forms = uniq(forms, exclude={name} | drop)
        aliases = sorted({f for f in forms if " " in f or "-" in f} - set(hand.get("aliases_cs", [])))
        aliases_cs = sorted({f for f in forms if f not in aliases})

        zh_drop = set(hand.get("zh_drop", []))
        zh = uniq([zh_of(iso_name), zh_of(official), zh_of(common)] + hand.get("zh", []), exclude=zh_drop)

        if hand.get("unmatched"):
            aliases, aliases_cs, zh = [], [], []
        e = {"id": "country:" + a2.lower(), "name": name}
        if hand.get("ambiguous") or hand.get("unmatched"):
            e["ambiguous"] = True
        e["aliases"] = aliases
        e["aliases_cs"] = aliases_cs
        e["adjectives"] = list(hand.get("adjectives", []))
        e["zh"] = zh
        e["alpha2"] = a2
        e["alpha3"] = r["alpha_3"]
        e["numeric"] = r["numeric"]
        if official:
            e["official_name"] = official
        if hand.get("not_in"):
            e["not_in"] = list(hand["not_in"])
        if hand.get("note") or hand.get("unmatched"):
            e["note"] = hand.get("note") or UNMATCHED_NOTE
        entities.append(e)

    missing = sorted(set(HAND) - {r["alpha_2"] for r in records})
    if missing:
        raise SystemExit("HAND names codes that are not in ISO 3166-1: %s" % ", ".join(missing))
    entities.sort(key=lambda e: e["id"])
    source = ("ISO 3166-1 via Debian iso-codes %s, Chinese names from its zh_CN catalog; adjectives and ambiguity "
              "rules hand-written (see tools/gen_countries.py)." % iso_codes_version())
    return {"type": "country", "source": source, "entities": entities}


def main():
    text = kbjson.dumps(build())
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % os.path.relpath(OUT))


if __name__ == "__main__":
    main()
