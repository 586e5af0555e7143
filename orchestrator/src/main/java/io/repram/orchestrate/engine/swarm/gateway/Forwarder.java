package io.repram.orchestrate.engine.swarm.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A single-threaded NIO TCP forwarder. Each accepted connection is paired with a connection to
 * its route's target, made on a helper thread (name lookup and connect may block, and are retried
 * for {@link #CONNECT_ATTEMPTS} attempts while a task starts). Back-pressure: a side is not read
 * while the bytes it sent are not yet written to the other side.
 */
public final class Forwarder implements AutoCloseable {
    static final int CONNECT_ATTEMPTS = 20;
    private static final long RETRY_MILLIS = 250;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final ExecutorService connector = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gateway-connect");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** Binds every route's listen port on {@code bind}; port 0 takes a free one (see {@link #boundPorts()}). */
    public Forwarder(InetAddress bind, List<Route> routes) throws IOException {
        selector = Selector.open();
        for (Route r : routes) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(bind, r.listenPort()), 256);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT, r);
            servers.add(server);
        }
    }

    /** The ports actually bound, in route order. */
    public List<Integer> boundPorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (ServerSocketChannel s : servers) ports.add(((InetSocketAddress) s.getLocalAddress()).getPort());
        return ports;
    }

    /** Runs the selector loop until {@link #close()}. */
    public void run() throws IOException {
        try {
            while (!closed) {
                selector.select();
                for (Runnable r; (r = pending.poll()) != null; ) r.run();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        handle(key);
                    } catch (IOException | RuntimeException e) {
                        if (key.attachment() instanceof Side side) side.pipe.close();
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            // closed from another thread
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) return;
        if (key.isAcceptable()) {
            SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
            if (client != null) connectLater(client, (Route) key.attachment());
            return;
        }
        Side side = (Side) key.attachment();
        if (key.isReadable()) side.read();
        if (key.isValid() && key.isWritable()) side.other.flush();
    }

    private void connectLater(SocketChannel client, Route route) {
        connector.execute(() -> {
            SocketChannel target = connect(route);
            pending.add(() -> register(client, target));
            selector.wakeup();
        });
    }

    private static SocketChannel connect(Route route) {
        for (int attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
            try {
                // A fresh InetSocketAddress looks the name up again: the task may have moved.
                SocketChannel ch = SocketChannel.open();
                try {
                    ch.socket().connect(new InetSocketAddress(route.host(), route.port()), 2000);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    return ch;
                } catch (IOException e) {
                    ch.close();
                }
                Thread.sleep(RETRY_MILLIS);
            } catch (IOException e) {
                // no channel could be opened: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void register(SocketChannel client, SocketChannel target) {
        try {
            if (target == null || closed) {
                client.close();
                if (target != null) target.close();
                return;
            }
            client.configureBlocking(false);
            target.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Pipe pipe = new Pipe();
            pipe.a = new Side(pipe, client, client.register(selector, SelectionKey.OP_READ));
            pipe.b = new Side(pipe, target, target.register(selector, SelectionKey.OP_READ));
            pipe.a.other = pipe.b;
            pipe.b.other = pipe.a;
            pipe.a.key.attach(pipe.a);
            pipe.b.key.attach(pipe.b);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(target);
        }
    }

    /** Both directions of one forwarded connection. */
    private static final class Pipe {
        Side a;
        Side b;

        void close() {
            closeQuietly(a.channel);
            closeQuietly(b.channel);
        }
    }

    /** One end: {@code inbound} holds what this end sent and the other end has not yet received. */
    private static final class Side {
        final Pipe pipe;
        final SocketChannel channel;
        final SelectionKey key;
        final ByteBuffer inbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
        Side other;
        boolean eof;

        Side(Pipe pipe, SocketChannel channel, SelectionKey key) {
            this.pipe = pipe;
            this.channel = channel;
            this.key = key;
        }

        void read() throws IOException {
            int n = channel.read(inbound);
            if (n < 0) {
                eof = true;
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            }
            other.flush();
        }

        /** Writes what {@code other} sent to this end; pauses reading the other end while bytes wait. */
        void flush() throws IOException {
            ByteBuffer buf = other.inbound;
            buf.flip();
            channel.write(buf);
            boolean waiting = buf.hasRemaining();
            buf.compact();
            if (waiting) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                other.key.interestOps(other.key.interestOps() & ~SelectionKey.OP_READ);
                return;
            }
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
            if (other.eof) {
                // Half-close: the far end learns the request is complete, its answer still flows back.
                channel.shutdownOutput();
                if (eof) pipe.close();
            } else {
                other.key.interestOps(other.key.interestOps() | SelectionKey.OP_READ);
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        for (ServerSocketChannel s : servers) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
