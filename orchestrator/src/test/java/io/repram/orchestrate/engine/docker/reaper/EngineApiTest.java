package io.repram.orchestrate.engine.docker.reaper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EngineApiTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @Test
    void filtersAreTheEngineApiJsonForm() {
        assertEquals("{\"label\":[\"x.session=s1\",\"x.keep=true\"],\"label!\":[\"k=\\\"q\\\"\"]}",
                EngineApi.filters(Map.of("label!", List.of("k=\"q\""), "label", List.of("x.session=s1", "x.keep=true"))));
    }

    @Test
    void idsAreTheTopLevelIdsOfAListAndNothingElse() {
        String json = "[{\"Id\":\"" + A + "\",\"Names\":[\"/x\"],\"Labels\":{\"note\":\"\\\"Id\\\":\\\"" + B + "\\\"\"},"
                + "\"NetworkSettings\":{\"Networks\":{\"n\":{\"NetworkID\":\"" + B + "\",\"EndpointID\":\"" + B + "\"}}}},"
                + "{\"Id\": \"" + B + "\"}]";
        assertEquals(List.of(A, B), EngineApi.ids(json));
    }

    @Test
    void parsesStatusAndBodyOfAnHttp10Answer() throws IOException {
        EngineApi.Response r = EngineApi.parse("HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\n\r\n{\"message\":\"no such container\"}");
        assertEquals(404, r.status());
        assertEquals("{\"message\":\"no such container\"}", r.body());
        assertThrows(IOException.class, () -> EngineApi.parse("garbage"));
    }

    @Test
    void swarmServiceIdsAreTheirIdFieldsNotNestedNetworkIds() {
        String json = "[{\"ID\":\"9mnpnzenvg8p8tdbtq4wvbkcz\",\"Spec\":{\"Name\":\"repram-r-node-0\",\"TaskTemplate\":"
                + "{\"Networks\":[{\"Target\":\"ab12cd34ef56gh78ij90kl12m\"}]}},\"Endpoint\":{\"VirtualIPs\":"
                + "[{\"NetworkID\":\"zz12cd34ef56gh78ij90kl12m\"}]}},{\"ID\" : \"0123456789abcdefghijklmno\"}]";
        assertEquals(List.of("9mnpnzenvg8p8tdbtq4wvbkcz", "0123456789abcdefghijklmno"), EngineApi.swarmIds(json));
    }
}
