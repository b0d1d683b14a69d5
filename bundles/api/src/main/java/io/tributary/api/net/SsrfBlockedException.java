package io.tributary.api.net;

import java.net.UnknownHostException;

/**
 * A connection was refused by the {@link SsrfGuard}. The message names the host or address, says why it is
 * blocked and how to allow it.
 *
 * <p>It extends {@link UnknownHostException} so that it passes unchanged through the DNS-resolver hooks of
 * HTTP clients, which may only throw that type; callers that care test for this subclass.
 */
public class SsrfBlockedException extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final String host;

    /**
     * @param host    the host (or URL) that was refused
     * @param message the full explanation
     */
    public SsrfBlockedException(String host, String message) {
        super(message);
        this.host = host;
    }

    /** The host (or URL) that was refused. */
    public String host() {
        return host;
    }
}
