/** JMH microbenchmarks of apigw's hot paths; run on demand, see the README's performance section. */
@NullMarked
package dev.apigw.benchmarks;

import org.jspecify.annotations.NullMarked;
