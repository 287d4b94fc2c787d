# Links gRPC, protobuf, Abseil, RE2 and gRPC's helpers (upb, c-ares,
# address_sorting) from their static archives rather than their shared objects.
#
# Why: they are some eighty shared objects, and relocating them cost the
# dynamic loader about 20 ms at every process start: a fifth of a one-shot
# `juesuan analyze` of a 25-page PDF, and most of `juesuan --help`. Debian's
# -dev packages ship the archives beside the shared objects, built
# position-independent. OpenSSL, zlib, ICU, poppler and the other libraries
# stay shared (security updates reach them through the distribution).
#
# The imported targets keep their names and only point at the archives, so
# no target_link_libraries() changes. Call after the find_package() calls.
function(juesuan_link_rpc_runtime_statically)
  get_property(targets DIRECTORY "${CMAKE_SOURCE_DIR}" PROPERTY IMPORTED_TARGETS)
  foreach(target IN LISTS targets)
    if(NOT target MATCHES "^(gRPC|absl|protobuf|c-ares)::")
      continue()
    endif()
    foreach(config "" _NONE _RELEASE _RELWITHDEBINFO _DEBUG)
      get_target_property(location ${target} IMPORTED_LOCATION${config})
      if(NOT location MATCHES "^(.*)\\.so(\\.[0-9.]+)?$")
        continue()
      endif()
      set(archive "${CMAKE_MATCH_1}.a")
      if(NOT EXISTS "${archive}")
        message(FATAL_ERROR "${target}: no static archive ${archive} beside ${location}; "
                            "configure with -DJUESUAN_STATIC_RPC_RUNTIME=OFF")
      endif()
      set_target_properties(${target} PROPERTIES IMPORTED_LOCATION${config} "${archive}")
    endforeach()
  endforeach()

  # gRPC's Findre2 module makes re2::re2 an interface target holding "-lre2".
  find_library(JUESUAN_RE2_ARCHIVE NAMES libre2.a REQUIRED)
  get_target_property(re2_links re2::re2 INTERFACE_LINK_LIBRARIES)
  list(TRANSFORM re2_links REPLACE "^-lre2$" "${JUESUAN_RE2_ARCHIVE}")
  set_target_properties(re2::re2 PROPERTIES INTERFACE_LINK_LIBRARIES "${re2_links}")
endfunction()
