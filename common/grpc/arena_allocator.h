// Per-call protobuf Arenas for callback services: request and response of a
// call live on one Arena that is freed in a single step when gRPC releases
// the call. Large reports (hundreds of cells, each with its provenance) are
// then parsed and answered without one heap allocation per field.
//
//   ArenaMessageAllocator<Req, Resp> allocator_;   // member, outlives the server
//   SetMessageAllocatorFor_Method(&allocator_);    // in the service constructor
#pragma once

#include <google/protobuf/arena.h>
#include <grpcpp/support/message_allocator.h>

namespace juesuan {

template <typename Request, typename Response>
class ArenaMessageAllocator final : public grpc::MessageAllocator<Request, Response> {
 public:
  grpc::MessageHolder<Request, Response>* AllocateMessages() override { return new Holder(); }

 private:
  class Holder final : public grpc::MessageHolder<Request, Response> {
   public:
    Holder() {
      this->set_request(google::protobuf::Arena::CreateMessage<Request>(&arena_));
      this->set_response(google::protobuf::Arena::CreateMessage<Response>(&arena_));
    }
    void Release() override { delete this; }

   private:
    google::protobuf::Arena arena_;
  };
};

}  // namespace juesuan
