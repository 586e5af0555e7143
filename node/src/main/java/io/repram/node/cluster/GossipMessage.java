package io.repram.node.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The body of {@code POST /v1/gossip/message}, field for field as upstream sends it. Optional fields
 * are null and left out, like Go's {@code omitempty}; {@code data} is base64 on the wire.
 */
@JsonPropertyOrder({"type", "from", "to", "key", "data", "ttl", "timestamp", "message_id", "node_info"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GossipMessage(
        @JsonProperty("type") String type,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("key") String key,
        @JsonProperty("data") @JsonSerialize(using = Base64Bytes.class) byte[] data,
        @JsonProperty("ttl") Integer ttl,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("node_info") NodeInfo nodeInfo) {

    public static final String PUT = "PUT";
    public static final String ACK = "ACK";
    public static final String PING = "PING";
    public static final String PONG = "PONG";
    public static final String SYNC = "SYNC";
}
