// Drawing a DOT graph with Graphviz's `dot` (lode render), as a child
// process that never outlives lode and never leaves files behind (issue 11):
// the DOT goes to the child's standard input (no .dot.tmp), the picture to a
// temporary file renamed into place when dot succeeds; the child is killed
// after a time limit, on SIGINT/SIGTERM (then the temporary file is removed
// and the signal re-raised) and when lode dies (PR_SET_PDEATHSIG).
#ifndef LODESTONE_QUERY_SRC_CLI_GRAPHVIZ_H_
#define LODESTONE_QUERY_SRC_CLI_GRAPHVIZ_H_

#include <string>

#include "lodestone/index/status.h"

namespace lodestone::cli {

// The full path of `dot` on $PATH, or "".
std::string FindGraphviz();

// Runs `dot -T<format>` on `dot_text` into `output`. IoError naming the
// output when dot fails, Unavailable when it runs longer than `seconds`.
Status DrawWithGraphviz(const std::string& dot_program, const std::string& dot_text, const std::string& output,
                        const std::string& format, double seconds);

}  // namespace lodestone::cli

#endif  // LODESTONE_QUERY_SRC_CLI_GRAPHVIZ_H_
