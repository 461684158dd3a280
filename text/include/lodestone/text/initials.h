// Initials of a person's given names as bibliographic sources print them.
// Thread-safety: pure function.
#ifndef LODESTONE_TEXT_INITIALS_H_
#define LODESTONE_TEXT_INITIALS_H_

#include <string_view>

namespace lodestone::text {

// True for "J", "JM", "J.", "J.M.", "J. M.", "J.-M.", "H.-H.", "W.J.A.J." and
// abbreviated names "Th.", "Chr.", "Jr." (a capital, one or two lower-case
// letters, a dot): ASCII capitals, each may be followed by '.', separated by
// nothing, '-' or ' '; at most six with dots, three without ("ALHO" is a
// surname). Callers that need the printed dots ("Cheng M.") also check that
// the token ends in '.'.
bool IsInitials(std::string_view token);

}  // namespace lodestone::text

#endif  // LODESTONE_TEXT_INITIALS_H_
