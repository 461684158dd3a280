// Initials of a person's given names as bibliographic sources print them.
// Thread-safety: pure function.
#ifndef LODESTONE_TEXT_INITIALS_H_
#define LODESTONE_TEXT_INITIALS_H_

#include <string_view>

namespace lodestone::text {

// True for "J", "JM", "J.", "J.M.", "J. M.", "J.-M.", "H.-H.", "Th." (a lower
// case letter between a capital and a dot): one to four ASCII capitals, each
// may be followed by '.', separated by nothing, '-' or ' '; without any dot
// at most three ("ALHO" is a surname). Callers that need the printed dots
// ("Cheng M.") also check that the token ends in '.'.
bool IsInitials(std::string_view token);

}  // namespace lodestone::text

#endif  // LODESTONE_TEXT_INITIALS_H_
