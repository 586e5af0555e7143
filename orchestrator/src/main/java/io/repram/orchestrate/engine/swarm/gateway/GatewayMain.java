package io.repram.orchestrate.engine.swarm.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm gateway container's program: forwards TCP from one listening port per route to a
 * name on the overlay network (a node service or an agent task). Swarm cannot publish a port on
 * 127.0.0.1 only, so the orchestrator publishes this container's ports on 127.0.0.1 instead.
 * Arguments: routes "listenPort=host:port"; env {@value #ENV_BIND} the listen address
 * (default 0.0.0.0, inside the container). JDK only: its image has just java.base.
 */
public final class GatewayMain {
    public static final String ENV_BIND = "REPRAM_GATEWAY_BIND";

    private GatewayMain() {
    }

    public static void main(String[] args) throws IOException {
        // Names must be looked up anew: a task that is replaced gets a new address.
        Security.setProperty("networkaddress.cache.ttl", "1");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        if (args.length == 0) {
            System.err.println("gateway: no routes; give listenPort=host:port arguments");
            System.exit(2);
        }
        List<Route> routes = new ArrayList<>();
        for (String a : args) routes.add(Route.parse(a));
        String bind = System.getenv(ENV_BIND);
        Forwarder forwarder = new Forwarder(InetAddress.getByName(bind == null || bind.isBlank() ? "0.0.0.0" : bind), routes);
        System.out.println("gateway: forwarding " + routes);
        forwarder.run();
    }
}
