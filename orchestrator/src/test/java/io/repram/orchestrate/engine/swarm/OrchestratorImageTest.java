package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.docker.JavaImage;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrchestratorImageTest {
    @Test
    void gatewayImageCarriesEveryClassOfTheGatewayPackage() throws Exception {
        File dir = packageDir();
        Set<String> onDisk = Arrays.stream(dir.list((d, n) -> n.endsWith(".class")))
                .map(n -> "io.repram.orchestrate.engine.swarm.gateway." + n.replace(".class", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, new TreeSet<>(OrchestratorImage.GATEWAY_CLASS_NAMES));
        JavaImage image = OrchestratorImage.gateway();
        assertEquals(Set.of("java.base"), image.modules());
        assertTrue(image.files().keySet().stream().allMatch(p -> p.startsWith(OrchestratorImage.GATEWAY_CLASSES + "/io/")),
                image.files().keySet().toString());
    }

    private static File packageDir() throws URISyntaxException {
        Path classes = Path.of(io.repram.orchestrate.engine.swarm.gateway.GatewayMain.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        return classes.resolve("io/repram/orchestrate/engine/swarm/gateway").toFile();
    }
}
