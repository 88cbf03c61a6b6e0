package io.shadowfeed.privacy.pii.policy.fake;

import net.datafaker.Faker;
import net.datafaker.service.RandomService;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One datafaker instance per thread and locale, each around its own {@link SeededRandom}: datafaker instances are
 * expensive to create (the first loads the YAML data, tens of milliseconds) but cheap to reseed, so each call
 * reseeds and generates. The same seed gives the same value on every thread, in every JVM, for a given datafaker
 * version.
 */
final class Fakers {

    private static final ThreadLocal<Map<Locale, Handle>> HANDLES = ThreadLocal.withInitial(HashMap::new);

    private Fakers() {}

    static String generate(Locale locale, long seed, Function<Faker, String> generator) {
        Handle handle = HANDLES.get().computeIfAbsent(locale, Handle::new);
        handle.random.reseed(seed);
        return generator.apply(handle.faker);
    }

    private static final class Handle {
        final SeededRandom random = new SeededRandom(0);
        final Faker faker;

        Handle(Locale locale) {
            this.faker = new Faker(locale, new RandomService(random));
        }
    }
}
