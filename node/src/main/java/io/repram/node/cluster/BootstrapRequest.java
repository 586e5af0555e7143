package io.repram.node.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of {@code POST /v1/bootstrap}, as upstream sends it. */
@JsonPropertyOrder({"node_id", "address", "gossip_port", "http_port", "enclave"})
public record BootstrapRequest(
        @JsonProperty("node_id") String nodeId,
        @JsonProperty("address") String address,
        @JsonProperty("gossip_port") int gossipPort,
        @JsonProperty("http_port") int httpPort,
        @JsonProperty("enclave") String enclave) {

    public NodeInfo toNodeInfo() {
        return new NodeInfo(nodeId, address, gossipPort, httpPort,
                enclave == null || enclave.isEmpty() ? "default" : enclave);
    }
}
