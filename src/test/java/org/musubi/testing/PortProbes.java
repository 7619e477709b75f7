package org.musubi.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a facility's administrator would probe for through a connector's address (issue 66): a closed port, a port
 * that answers but does not speak HTTP (an SSH-like banner), and an HTTP server that answers 500 — each on a loopback
 * address of the test's choosing, counting the connections that reached it.
 */
public final class PortProbes {

    private PortProbes() {
    }

    /** A listening socket on {@code host}: its port, and how many connections reached it. */
    public interface Target extends AutoCloseable {
        int port();

        int connections();

        @Override
        void close();
    }

    /** A port on {@code host} where nothing listens (bound once to find a free one, then closed). */
    public static Target closed(String host) {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Target() {
            @Override
            public int port() {
                return port;
            }

            @Override

            public int connections() {
                return 0;
            }

            @Override

            public void close() {
            }
        };
    }

    /** A port on {@code host} that accepts, writes a banner that is not HTTP, and hangs up. */
    public static Target notHttp(String host) {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(host));
            AtomicInteger accepted = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                        accepted.incrementAndGet();
                        out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed, or the client went away
                    }
                }
            });
            return new Target() {
                @Override
                public int port() {
                    return socket.getLocalPort();
                }

                @Override

                public int connections() {
                    return accepted.get();
                }

                @Override

                public void close() {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP server on {@code host} that answers every request 500. */
    public static Target httpError(String host) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
            AtomicInteger requests = new AtomicInteger();
            server.createContext("/", exchange -> {
                try (exchange) {
                    requests.incrementAndGet();
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            server.start();
            return new Target() {
                @Override
                public int port() {
                    return server.getAddress().getPort();
                }

                @Override

                public int connections() {
                    return requests.get();
                }

                @Override

                public void close() {
                    server.stop(0);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
