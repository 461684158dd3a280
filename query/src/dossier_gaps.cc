// The known instruments of dossier_gaps.h. Sources: the announcements as the
// Ministry of Commerce (MOFCOM) and the State Council published them; the
// corpus README (../shared/corpus) lists them as not found ("Chinese MOFCOM
// export-control announcements on gallium/germanium, graphite, antimony and
// rare earths (only third-party summaries exist)"). Add an entry with its
// number and a search that finds its text when a corpus may hold it.
#include "dossier_gaps.h"

#include <algorithm>

namespace lodestone::query {

bool KnownInstrument::Concerns(const std::vector<std::string>& ids, bool concept) const {
  if (concept) return true;
  for (const std::string& m : minerals)
    if (std::find(ids.begin(), ids.end(), m) != ids.end()) return true;
  return false;
}

const std::vector<KnownInstrument>& KnownInstruments() {
  static const std::vector<KnownInstrument> kAll = {
      {"cn",
       "MOFCOM and General Administration of Customs: export control on gallium- and germanium-related items",
       "2023-07-03", "商务部 海关总署公告2023年第23号 (Announcement No. 23 of 2023)", "jurisdiction:cn 镓 锗 出口管制",
       {"mineral:gallium", "mineral:germanium"}},
      {"cn", "MOFCOM and General Administration of Customs: export control on graphite items", "2023-10-20",
       "商务部 海关总署公告2023年第39号 (Announcement No. 39 of 2023)", "jurisdiction:cn 石墨 出口管制",
       {"mineral:graphite"}},
      {"cn", "State Council: Regulations on the Administration of Rare Earths (稀土管理条例)", "2024-06-29",
       "国务院令第785号 (State Council Decree No. 785)", "jurisdiction:cn 稀土管理条例",
       {"mineral:rare-earth-elements"}},
      {"cn", "MOFCOM and General Administration of Customs: export control on antimony items", "2024-08-15",
       "商务部 海关总署公告2024年第33号 (Announcement No. 33 of 2024)", "jurisdiction:cn 锑 出口管制",
       {"mineral:antimony"}},
      {"cn",
       "MOFCOM: export control of dual-use items to the United States (gallium, germanium, antimony, superhard "
       "materials)",
       "2024-12-03", "商务部公告2024年第46号 (Announcement No. 46 of 2024)", "jurisdiction:cn 镓 锗 锑 美国",
       {"mineral:gallium", "mineral:germanium", "mineral:antimony"}},
      {"cn",
       "MOFCOM and General Administration of Customs: export control on medium and heavy rare earth items "
       "(samarium, gadolinium, terbium, dysprosium, lutetium, scandium, yttrium)",
       "2025-04-04", "商务部 海关总署公告2025年第18号 (Announcement No. 18 of 2025)", "jurisdiction:cn 稀土 出口管制",
       {"mineral:rare-earth-elements", "mineral:samarium", "mineral:gadolinium", "mineral:terbium",
        "mineral:dysprosium", "mineral:lutetium", "mineral:scandium", "mineral:yttrium"}},
  };
  return kAll;
}

}  // namespace lodestone::query
