package io.tributary.store.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.api.store.StoreException;
import io.tributary.store.Backend;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

@BothDatabases
class ApiKeyStoreTest extends StoreTestBase {
    private JdbcApiKeyStore store;

    @Override
    protected void openStores(Database database) {
        store = new JdbcApiKeyStore(database);
    }

    @Test
    void issuedKeyVerifies() {
        IssuedKey issued = store.issue(KeyKind.APP, "app-1");

        Optional<ApiKey> verified = store.verify(issued.secret());

        assertEquals(Optional.of(issued.key()), verified);
        assertEquals(KeyKind.APP, verified.get().kind());
        assertEquals("app-1", verified.get().scopeId());
        assertTrue(verified.get().active());
    }

    @Test
    void secretHasPrefixAtLeast192RandomBitsAndAHint() {
        for (KeyKind kind : KeyKind.values()) {
            IssuedKey issued = store.issue(kind, kind == KeyKind.APP ? "a" : null);
            String secret = issued.secret();
            assertTrue(secret.startsWith(kind.prefix()), secret);
            String body = secret.substring(kind.prefix().length());
            byte[] random = Base64.getUrlDecoder().decode(body);
            assertTrue(random.length * 8 >= 192, "random bits: " + random.length * 8);
            assertEquals(kind.prefix() + body.substring(0, 4) + "..." + body.substring(body.length() - 4),
                    issued.key().hint());
            assertFalse(issued.toString().contains(secret), "toString must not show the secret");
        }
        assertNotEquals(store.issue(KeyKind.ADMIN, null).secret(), store.issue(KeyKind.ADMIN, null).secret());
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        IssuedKey issued = store.issue(KeyKind.DATASET, null);
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(issued.secret().getBytes(StandardCharsets.UTF_8)));

        List<String> row = new ArrayList<>();
        try (Connection c = fixture.database().dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM api_keys")) {
            assertTrue(rs.next());
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(String.valueOf(rs.getObject(i)));
            }
            assertEquals(expectedHash, rs.getString("key_hash"));
            assertFalse(rs.next());
        }
        String body = issued.secret().substring(KeyKind.DATASET.prefix().length());
        for (String value : row) {
            assertFalse(value.contains(body), "secret stored in a column: " + value);
        }
    }

    @Test
    void revokedKeyNoLongerVerifies() {
        IssuedKey issued = store.issue(KeyKind.ADMIN, null);

        assertTrue(store.revoke(issued.key().id()));

        assertEquals(Optional.empty(), store.verify(issued.secret()));
        ApiKey listed = store.list(KeyKind.ADMIN, null).get(0);
        assertNotNull(listed.revokedAt());
        assertFalse(listed.active());
    }

    @Test
    void aKeyVerifiedBeforeItsRevocationStopsVerifyingAtOnce() {
        IssuedKey issued = store.issue(KeyKind.APP, "app-1");
        assertTrue(store.verify(issued.secret()).isPresent()); // now held by the verified-key cache
        assertTrue(store.verify(issued.secret()).isPresent());

        assertTrue(store.revoke(issued.key().id()));

        assertEquals(Optional.empty(), store.verify(issued.secret()));
    }

    @Test
    void revokeIsFalseForUnknownOrAlreadyRevokedKeys() {
        IssuedKey issued = store.issue(KeyKind.ADMIN, null);
        assertTrue(store.revoke(issued.key().id()));

        assertFalse(store.revoke(issued.key().id()));
        assertFalse(store.revoke("no-such-key"));
        assertFalse(store.revoke(null));
    }

    @Test
    void unknownOrMalformedSecretsAreEmptyWithoutError() {
        String valid = store.issue(KeyKind.APP, "a").secret();
        List<String> bad = new ArrayList<>(List.of("", "   ", "app-", "app-abc def", "app-abc\u00e9", "sk-abcdefgh",
                "APP-" + valid.substring(4), "app-" + "A".repeat(KeySecrets.MAX_LENGTH),
                valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A"),
                "dataset-" + valid.substring(4)));
        bad.add(null);
        for (String secret : bad) {
            assertEquals(Optional.empty(), store.verify(secret), String.valueOf(secret));
        }
    }

    @Test
    void malformedSecretsDoNotTouchTheDatabase() {
        Backend.Location location = Backend.H2.newLocation();
        try (location) {
            io.tributary.store.db.Database closed = new io.tributary.store.db.Database(location.settings());
            JdbcApiKeyStore offline = new JdbcApiKeyStore(closed);
            closed.close();

            for (String secret : new String[] {null, "", " ", "x".repeat(10_000), "sk-abc", "tba-ab cd", "tba-"}) {
                assertEquals(Optional.empty(), offline.verify(secret));
            }
            // a well-formed secret does go to the (closed) database
            StoreException e = assertThrows(StoreException.class, () -> offline.verify("tba-abcd"));
            assertTrue(e.getMessage().startsWith("Could not verify an API key"), e.getMessage());
        }
    }

    @Test
    void listsByKindAndScopeNewestFirstRevokedIncluded() {
        IssuedKey a1 = store.issue(KeyKind.APP, "a");
        IssuedKey b1 = store.issue(KeyKind.APP, "b");
        IssuedKey a2 = store.issue(KeyKind.APP, "a");
        IssuedKey d1 = store.issue(KeyKind.DATASET, null);
        IssuedKey a3 = store.issue(KeyKind.APP, "a");
        store.revoke(a2.key().id());

        List<String> appA = store.list(KeyKind.APP, "a").stream().map(ApiKey::id).toList();

        assertEquals(List.of(a3.key().id(), a2.key().id(), a1.key().id()), appA);
        assertEquals(List.of(b1.key()), store.list(KeyKind.APP, "b"));
        assertEquals(List.of(d1.key()), store.list(KeyKind.DATASET, null));
        assertEquals(List.of(), store.list(KeyKind.ADMIN, null));
        assertEquals(List.of(), store.list(KeyKind.APP, null));
        assertNull(store.list(KeyKind.APP, "a").get(2).revokedAt());
    }

    @Test
    void scopeMustMatchTheKind() {
        assertThrows(IllegalArgumentException.class, () -> store.issue(KeyKind.APP, null));
        assertThrows(IllegalArgumentException.class, () -> store.issue(KeyKind.APP, " "));
        assertThrows(IllegalArgumentException.class, () -> store.issue(KeyKind.DATASET, "x"));
        assertThrows(IllegalArgumentException.class, () -> store.issue(KeyKind.APP, "x".repeat(256)));
        assertThrows(NullPointerException.class, () -> store.issue(null, null));
        assertEquals(List.of(), store.list(KeyKind.APP, "x"));
    }
}
