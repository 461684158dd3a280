// lode shard: split an index into a sharded layout (index/shard.h, issue 13).
#include <unistd.h>

#include <iostream>

#include "cli.h"
#include "lodestone/index/shard.h"
#include "lodestone/query/shard_render.h"

namespace lodestone::cli {

namespace {

struct ShardFlags {
  std::string by, out;
  bool quiet = false;
};

int RunShard(const Globals& g, const ShardFlags& f) {
  ShardOptions opt;
  opt.index_dir = g.index;
  opt.out_dir = f.out;
  opt.rule = f.by;
  if (!f.quiet && !g.json) opt.progress = [](const std::string& m) { std::cerr << "shard: " << m << "\n"; };
  auto sum = SplitIndex(opt);
  return Print(g, sum, [](const ShardSummary& s) { return query::ShardJson(s); },
               [](const ShardSummary& s) { return query::ShardText(s); });
}

}  // namespace

void AddShardCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<ShardFlags>();
  auto* cmd = app.add_subcommand(
      "shard",
      "Split an index into shards that Xapian opens as one database (issue 13).\n"
      "Writes OUT/XAPIANDB (a stub: 'auto meta', then 'auto shard-0' ...), OUT/meta (spelling, synonyms,\n"
      "the manifest; no documents) and OUT/shard-K (the documents, each a normal lode index). Every\n"
      "command then takes --index OUT, and `lode ingest --index OUT` keeps routing documents by the same\n"
      "rule. The index is only read; OUT is written beside it and renamed into place at the end.\n\n"
      "Rules (each a function of the stored document, so a re-ingest finds it again):\n"
      "  count:N  N shards of about equal size: FNV-1a hash of the document id, modulo N\n"
      "  year     one shard per year of the document's date (undated documents in 'undated');\n"
      "           a later ingest adds a shard for a new year\n"
      "  source   one shard per top folder of the first source file, relative to the folder all\n"
      "           sources share (e.g. fr-eo-1994-2020, cn-laws); files elsewhere go to 'other'\n\n"
      "Example:\n"
      "  lode shard --index lode-index --by count:3 -o lode-shards\n"
      "  lode search lithium --index lode-shards\n"
      "  xapian-tcpsrv --interface 127.0.0.1 --port 7001 --idle-timeout 0 lode-shards/shard-1\n"
      "  # then replace 'auto shard-1' in lode-shards/XAPIANDB by 'remote 127.0.0.1:7001'");
  cmd->add_option("--by", f->by, "count:N, year or source")->required()->check(NonEmpty("a rule (count:3, year, source)"));
  cmd->add_option("-o,--out", f->out, "New folder for the layout (must not exist or be empty)")
      ->required()
      ->check(NonEmpty("a folder"));
  cmd->add_flag("-q,--quiet", f->quiet, "No progress on stderr");
  AddGlobalFlags(cmd, globals);
  out.push_back({cmd, [f](const Globals& g) { return RunShard(g, *f); }});
}

}  // namespace lodestone::cli
