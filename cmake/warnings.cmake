# Warnings are set per target (never through global flags), so third-party headers pulled in as
# SYSTEM stay quiet and every RolePath library gets the same strictness.
function(rp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wformat=2)
  if(ROLEPATH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ROLEPATH_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
      -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    # Bounds-checked operator[], front() and back() in libstdc++: an index past the end of a
    # vector aborts here even where ASan sees only memory that happens to be ours.
    target_compile_definitions(${target} PRIVATE _GLIBCXX_ASSERTIONS)
  endif()
endfunction()
