package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The slot map over a locator that stands for DS's bound references. */
class ServiceSlotTest {
    private final Map<String, Object> bound = new ConcurrentHashMap<>();

    private void bind(String name, Object service, ServiceSlots slots) {
        bound.put(name, service);
        slots.changed();
    }

    @Test
    void anEmptySlotAnswers503AfterItsWait() {
        ServiceSlots slots = new ServiceSlots(bound::get, 20);
        ServiceSlot<String> slot = slots.slot("engine", String.class, "engine");
        ApiException e = assertThrows(ApiException.class, slot::get);
        assertEquals(503, e.status());
        assertEquals("service_unavailable", e.code());
        assertNull(slot.peek());
    }

    @Test
    void aWaitingRequestGetsTheReplacementProvider() throws Exception {
        ServiceSlots slots = new ServiceSlots(bound::get, 10_000);
        ServiceSlot<String> slot = slots.slot("engine", String.class, "engine");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> got = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return slot.get();
        });
        waiting.await();
        bind("engine", "v2", slots);
        assertEquals("v2", got.get(5, TimeUnit.SECONDS));
    }

    @Test
    void eachSlotReadsItsOwnReference() {
        ServiceSlots slots = new ServiceSlots(bound::get, 10);
        bind("engine", "the engine", slots);
        bind("runs", 42, slots);
        assertSame("the engine", slots.slot("engine", String.class, "engine").get());
        assertEquals(42, slots.slot("runs", Integer.class, "run store").get());
        bound.put("engine", "replacement");
        assertSame("replacement", slots.slot("engine", String.class, "engine").get());
    }
}
