/**
 * Differentially private noise: mechanisms calibrated to a sensitivity, the exact samplers behind them, their
 * random source, and contribution bounding.
 *
 * <ul>
 *   <li>Counts and histograms: {@link io.shadowfeed.privacy.dp.mechanism.DiscreteGaussianNoise} and
 *   {@link io.shadowfeed.privacy.dp.mechanism.DiscreteLaplaceNoise}, exact integer noise (Canonne, Kamath and
 *   Steinke 2020) with no floating point in any sampling decision.</li>
 *   <li>Real values: {@link io.shadowfeed.privacy.dp.mechanism.GaussianNoise} and
 *   {@link io.shadowfeed.privacy.dp.mechanism.LaplaceNoise} (floating point; see their caveat).</li>
 *   <li>Every mechanism is a {@link io.shadowfeed.privacy.dp.mechanism.NoiseMechanism}: it states what one release
 *   costs as an RDP curve and as a zCDP rho, for the accountants and the ledger.</li>
 *   <li>Noise comes from a {@link io.shadowfeed.privacy.dp.mechanism.RandomSource}, by default
 *   {@link io.shadowfeed.privacy.dp.mechanism.RandomSources#secure()} (a JDK DRBG read in blocks).</li>
 *   <li>Contribution bounding: {@link io.shadowfeed.privacy.dp.mechanism.ClampBounds} and
 *   {@link io.shadowfeed.privacy.dp.mechanism.ContributionLimit}.</li>
 * </ul>
 * Builders validate each parameter as it is set and the combination in {@code build()}; messages follow
 * {@link io.shadowfeed.privacy.dp.mechanism.DpPreconditions}. Mechanisms and samplers hold sampler state and are not
 * thread-safe: one per thread or operator instance.
 */
package io.shadowfeed.privacy.dp.mechanism;
