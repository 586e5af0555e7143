package io.repram.node.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A node as the wire describes it ({@code node_info} and bootstrap peers). {@code port} is the
 * advertised gossip port; nothing listens there, all traffic uses {@code http_port}.
 */
@JsonPropertyOrder({"id", "address", "port", "http_port", "enclave"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeInfo(
        @JsonProperty("id") String id,
        @JsonProperty("address") String address,
        @JsonProperty("port") int port,
        @JsonProperty("http_port") int httpPort,
        @JsonProperty("enclave") String enclave) {

    /** Upstream treats a missing enclave as "default". */
    public String enclaveOrDefault() {
        return enclave == null || enclave.isEmpty() ? "default" : enclave;
    }

    public String baseUrl() {
        String host = address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
        return "http://" + host + ":" + httpPort;
    }
}
