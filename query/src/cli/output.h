// Checked output (issue 11): a full disk or a closed pipe is an error with
// the reason, never a silent exit 0 with the output cut.
#ifndef LODESTONE_QUERY_SRC_CLI_OUTPUT_H_
#define LODESTONE_QUERY_SRC_CLI_OUTPUT_H_

#include <string>

#include "lodestone/index/status.h"

namespace lodestone::cli {

// Appends to standard output. IoError "cannot write standard output: …"
// when the write fails (also for an earlier buffered write).
Status WriteStdout(const std::string& text);

// Flushes what was written so far (before a message on stderr, so that the
// two come in order on a terminal or a shared pipe).
Status FlushStdout();

// Flushes and closes standard output; the error a buffered write met
// shows here (`lode search x > /dev/full`). Call once, at the end.
Status CloseStdout();

// Writes `text` to `path` so that a reader never sees half a file: into a
// temporary file beside it, renamed over it once complete, the temporary
// removed on any failure. A path that is not a regular file (/dev/stdout,
// /dev/full, a pipe) is written in place. IoError "cannot write PATH: …".
Status WriteFile(const std::string& path, const std::string& text);

}  // namespace lodestone::cli

#endif  // LODESTONE_QUERY_SRC_CLI_OUTPUT_H_
