package io.tributary.node.flow.http;


import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeType;
import io.tributary.engine.net.SsrfGuardImpl;

/** The http-request node type for tests outside this package, with small limits and a real SSRF guard. */
public final class HttpTypes {
    private HttpTypes() {
    }

    /** The real guard, allowing exactly {@code allow} (e.g. {@code 127.0.0.1}). */
    public static SsrfGuard guard(String allow) {
        return HttpRequestNodeTypeTest.guard(allow);
    }

    public static NodeType httpRequest(SsrfGuard guard) {
        return new HttpRequestNodeType(new HttpRequestNodeType.Limits(5, 30, 1_000_000, 1_000_000, true, 5), guard);
    }

}
