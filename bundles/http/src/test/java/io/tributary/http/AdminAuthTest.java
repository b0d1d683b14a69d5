package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class AdminAuthTest {

    @Test
    void bearerParsingFollowsDifysMessages() {
        assertEquals("tok", AdminAuth.bearer("Bearer tok"));
        assertEquals("tok", AdminAuth.bearer("bearer   tok "));
        assertEquals("Authorization header must be provided and start with 'Bearer'",
                assertThrows(ApiException.class, () -> AdminAuth.bearer(null)).getMessage());
        assertEquals("Authorization header must be provided and start with 'Bearer'",
                assertThrows(ApiException.class, () -> AdminAuth.bearer("Bearer")).getMessage());
        ApiException basic = assertThrows(ApiException.class, () -> AdminAuth.bearer("Basic abc"));
        assertEquals("Authorization scheme must be 'Bearer'", basic.getMessage());
        assertEquals(401, basic.status());
        assertEquals("Bearer realm=\"api\"", basic.headers().get("WWW-Authenticate"));
    }

    @Test
    void onlyTheTokenWhoseHashIsConfiguredPasses() {
        String hash = HexFormat.of().formatHex(AdminAuth.sha256("s3cret"));
        AdminAuth auth = new AdminAuth(hash.toUpperCase());
        auth.verify("Bearer s3cret");
        ApiException wrong = assertThrows(ApiException.class, () -> auth.verify("Bearer s3cret2"));
        assertEquals("Invalid admin token.", wrong.getMessage());
        assertEquals(401, wrong.status());
        assertThrows(ApiException.class, () -> auth.verify("Bearer " + hash), "the hash itself is not a token");
        assertThrows(ApiException.class, () -> new AdminAuth("").verify("Bearer anything"),
                "no configured token: nothing passes");
    }
}
