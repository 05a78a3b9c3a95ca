package com.activitytracker.engine.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the engine's micro benchmarks (JMH): decoding per record, generation and encoding per event.
 * Not part of the test suite; from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -o -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/test.classpath) \
 *     com.activitytracker.engine.bench.Benchmarks [regex of benchmarks, default all]
 * </pre>
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : Benchmarks.class.getPackageName() + ".*";
        new Runner(new OptionsBuilder().include(include).shouldFailOnError(true).build()).run();
    }
}
