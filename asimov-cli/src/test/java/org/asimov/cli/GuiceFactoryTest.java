package org.asimov.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Inject;

import org.junit.jupiter.api.Test;

/** Commands come from the injector; whatever else picocli creates does not wait for it. */
class GuiceFactoryTest {
    static final class Greeting {
        final String text = "hello";
    }

    static final class Command {
        final Greeting greeting;

        @Inject
        Command(Greeting greeting) {
            this.greeting = greeting;
        }
    }

    public static final class Mixin {
        public Mixin() {
        }
    }

    /** A module whose bindings are recorded only once the test lets it go on. */
    private static final class HeldBack extends AbstractModule {
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void configure() {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            binder().requireExplicitBindings();
            bind(Greeting.class);
            bind(Command.class);
        }
    }

    @Test
    void whatIsNotACommandIsCreatedWhileTheInjectorIsStillBeingBuilt() throws Exception {
        HeldBack module = new HeldBack();
        GuiceFactory factory = new GuiceFactory(PendingInjector.start(List.of(module)), Set.of(Command.class));

        assertThat(factory.create(Mixin.class)).isNotNull(); // would hang for 30 s if it waited

        module.release.countDown();
        assertThat(factory.create(Command.class).greeting.text).isEqualTo("hello");
    }

    @Test
    void aModuleThatFailsFailsTheCommandsCreationWithGuicesOwnError() {
        AbstractModule broken = new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                bind(Command.class); // Greeting is not bound
            }
        };
        PendingInjector injector = PendingInjector.start(List.of(broken));
        GuiceFactory factory = new GuiceFactory(injector, Set.of(Command.class));

        assertThatThrownBy(() -> factory.create(Command.class)).isInstanceOf(CreationException.class)
                .hasMessageContaining("Greeting");
        assertThatThrownBy(injector::get).isInstanceOf(CreationException.class);
    }
}
