package io.tributary.bench.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling: Jetty 12.1 (the version Javalin embeds) answering every request with a fixed JSON body, no routing,
 * no JSON mapping, no engine. Same connector defaults as Javalin's.
 */
final class JettyHello implements AutoCloseable {
    private static final ByteBuffer BODY = ByteBuffer.wrap("{\"result\":\"hello\"}".getBytes(StandardCharsets.UTF_8));

    private final Server server = new Server();
    private final int port;

    JettyHello() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, BODY.slice(), callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
