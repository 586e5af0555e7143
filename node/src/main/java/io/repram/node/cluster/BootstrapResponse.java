package io.repram.node.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The answer to {@code POST /v1/bootstrap}: every known peer, the requester and the answering node. */
public record BootstrapResponse(
        @JsonProperty("success") boolean success,
        @JsonProperty("peers") List<NodeInfo> peers) {

    public BootstrapResponse {
        peers = peers == null ? List.of() : List.copyOf(peers);
    }
}
