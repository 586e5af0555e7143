package io.repram.orchestrate.engine.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserlandProxyCheckTest {
    @Test
    void theFlagDecidesAndWinsOverDaemonJson() {
        assertFalse(UserlandProxyCheck.enabled(List.of("dockerd", "--userland-proxy=false"), null));
        assertFalse(UserlandProxyCheck.enabled(List.of("dockerd", "--userland-proxy", "false"), "{\"userland-proxy\": true}"));
        assertTrue(UserlandProxyCheck.enabled(List.of("dockerd", "--userland-proxy=true"), "{\"userland-proxy\": false}"));
    }

    @Test
    void daemonJsonDecidesWithoutAFlagAndTheDefaultIsOn() {
        assertFalse(UserlandProxyCheck.enabled(List.of("/usr/bin/dockerd", "-H", "fd://"), "{\"userland-proxy\": false}"));
        assertTrue(UserlandProxyCheck.enabled(List.of("dockerd"), null));
        assertTrue(UserlandProxyCheck.enabled(List.of("dockerd"), "{\"debug\": true}"));
        assertTrue(UserlandProxyCheck.enabled(List.of("dockerd"), "not json"));
    }
}
