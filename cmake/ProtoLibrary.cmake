# proto_library(<target> ROOT <dir> PROTOS <paths relative to ROOT>...
#               [DEPS <proto_library targets>...] [IMPORT_DIRS <dir>...] [GRPC])
#
# Runs protoc (and grpc_cpp_plugin with GRPC) with -I ROOT so generated headers
# keep the package path: <ROOT>/juesuan/report/v1/report.proto ->
# "juesuan/report/v1/report.pb.h". CMake 3.25's protobuf_generate() cannot do
# this for roots outside the current source dir (e.g. /usr/share/grpc-proto).
function(proto_library target)
  cmake_parse_arguments(ARG "GRPC" "ROOT" "PROTOS;IMPORT_DIRS;DEPS" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_gen")
  file(MAKE_DIRECTORY "${out}")
  set(includes -I "${ARG_ROOT}")
  foreach(dir IN LISTS ARG_IMPORT_DIRS)
    list(APPEND includes -I "${dir}")
  endforeach()
  set(srcs)
  foreach(rel IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" base "${rel}")
    set(gen "${out}/${base}.pb.h" "${out}/${base}.pb.cc")
    set(grpc_args)
    if(ARG_GRPC)
      list(APPEND gen "${out}/${base}.grpc.pb.h" "${out}/${base}.grpc.pb.cc")
      set(grpc_args --grpc_out=${out}
                    --plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>)
    endif()
    add_custom_command(
      OUTPUT ${gen}
      COMMAND protobuf::protoc --cpp_out=${out} ${grpc_args} ${includes}
              "${ARG_ROOT}/${rel}"
      DEPENDS "${ARG_ROOT}/${rel}" protobuf::protoc gRPC::grpc_cpp_plugin
      COMMENT "protoc ${rel}"
      VERBATIM)
    list(APPEND srcs ${gen})
  endforeach()
  add_library(${target} STATIC ${srcs})
  target_include_directories(${target} PUBLIC "${out}")
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf ${ARG_DEPS})
  if(ARG_GRPC)
    target_link_libraries(${target} PUBLIC gRPC::grpc++)
  endif()
endfunction()
