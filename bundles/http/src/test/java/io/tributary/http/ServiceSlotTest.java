package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ServiceSlotTest {

    @Test
    void anEmptySlotAnswers503AfterItsWait() {
        ServiceSlot<String> slot = new ServiceSlot<>("engine", 20);
        ApiException e = assertThrows(ApiException.class, slot::get);
        assertEquals(503, e.status());
        assertEquals("service_unavailable", e.code());
        assertNull(slot.peek());
    }

    @Test
    void aWaitingRequestGetsTheReplacementProvider() throws Exception {
        ServiceSlot<String> slot = new ServiceSlot<>("engine", 10_000);
        slot.set("v1");
        slot.unset("v1");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> got = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return slot.get();
        });
        waiting.await();
        slot.set("v2");
        assertEquals("v2", got.get(5, TimeUnit.SECONDS));
    }

    @Test
    void unsetOfAnOldProviderDoesNotClearTheNewOne() {
        ServiceSlot<String> slot = new ServiceSlot<>("engine", 10);
        slot.set("v1");
        slot.set("v2");
        slot.unset("v1");
        assertSame("v2", slot.get());
    }
}
