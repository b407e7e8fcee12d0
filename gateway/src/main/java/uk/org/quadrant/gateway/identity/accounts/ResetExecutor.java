package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The thread that looks accounts up and sends reset links after "Forgotten your password?" has been
 * answered: its own (not the blocking pool, whose tasks carry the request's propagated context), one
 * thread, so a flood of requests queues here instead of taking the pool the pages need.
 */
@Factory
class ResetExecutor {

    @Singleton
    @Named("account-reset")
    @Bean(preDestroy = "shutdown")
    ExecutorService accountReset() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "account-reset");
            t.setDaemon(true);
            return t;
        });
    }
}
