package io.repram.orchestrate.engine.swarm.gateway;

/**
 * One forwarding rule: connections to {@code listenPort} go to {@code host:port}. The host is a
 * name resolved at each connection, because a swarm task (and so its address) may not exist yet
 * when the gateway starts, or may be replaced.
 */
public record Route(int listenPort, String host, int port) {
    /** Parses "listenPort=host:port". */
    public static Route parse(String text) {
        int eq = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (eq <= 0 || colon <= eq + 1 || colon == text.length() - 1) {
            throw new IllegalArgumentException("route '" + text + "' is not listenPort=host:port");
        }
        try {
            return new Route(Integer.parseInt(text.substring(0, eq)), text.substring(eq + 1, colon),
                    Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("route '" + text + "' has a port that is not a number");
        }
    }

    @Override
    public String toString() {
        return listenPort + "=" + host + ":" + port;
    }
}
