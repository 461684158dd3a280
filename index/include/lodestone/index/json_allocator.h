// An allocator for RapidJSON's buffers and writers that throws
// std::bad_alloc when memory runs out (issue 11). RapidJSON's own
// CrtAllocator returns null and RapidJSON writes through it: under a memory
// limit (prlimit --as, a container's cap) encoding a large record was a
// segfault; with this the failure is an exception the ingest turns into a
// failed file or a clean exit. It names no RapidJSON type (it only meets the
// Allocator concept), so this header includes nothing of RapidJSON.
// Use: rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>
// and rapidjson::Writer<Buffer, UTF8<>, UTF8<>, ThrowingJsonAllocator>.
// Thread-safety: stateless.
#ifndef LODESTONE_INDEX_JSON_ALLOCATOR_H_
#define LODESTONE_INDEX_JSON_ALLOCATOR_H_

#include <cstddef>
#include <cstdlib>
#include <new>

namespace lodestone {

class ThrowingJsonAllocator {
 public:
  static const bool kNeedFree = true;
  void* Malloc(size_t size) {
    if (size == 0) return nullptr;
    void* p = std::malloc(size);
    if (!p) throw std::bad_alloc();
    return p;
  }
  void* Realloc(void* original, size_t /*original_size*/, size_t new_size) {
    if (new_size == 0) {
      std::free(original);
      return nullptr;
    }
    void* p = std::realloc(original, new_size);
    if (!p) throw std::bad_alloc();
    return p;
  }
  static void Free(void* p) { std::free(p); }
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_JSON_ALLOCATOR_H_
