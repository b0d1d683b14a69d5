package io.tributary.pipeline.run;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Dify's batch ids: {@code yyyyMMddHHmmss} of now plus six random digits (100000-999999). */
public final class BatchIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Clock clock;

    public BatchIds(Clock clock) {
        this.clock = clock;
    }

    /** A new batch id. */
    public String next() {
        return TIME.format(clock.instant().atZone(ZoneId.systemDefault()))
                + ThreadLocalRandom.current().nextInt(100000, 1000000);
    }
}
