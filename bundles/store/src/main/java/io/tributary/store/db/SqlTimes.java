package io.tributary.store.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as the store writes them: UTC {@code OffsetDateTime}, truncated to microseconds (what both databases keep). */
public final class SqlTimes {
    private SqlTimes() {
    }

    /** Now, truncated to what the database keeps, so a written value reads back equal. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The value to bind, or {@code null}. */
    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** The column as an instant, or {@code null}. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
