package io.shadowfeed.privacy.dp.accounting;

/**
 * Rényi DP of one step of the Poisson-subsampled Gaussian mechanism (Mironov, Talwar and Zhang, "Rényi
 * Differential Privacy of the Sampled Gaussian Mechanism", 2019): each record is included with probability q,
 * and Gaussian noise of standard deviation sigma times the sensitivity is added. Without subsampling (q = 1) it is
 * the Gaussian mechanism's alpha / (2 sigma^2).
 *
 * <p>Computes log A_alpha, the log of the alpha-th moment of the privacy loss: exactly by the binomial expansion
 * for integer orders, and by the paper's convergent series (Section 3.3) for fractional ones, in log space
 * throughout. Written here because no Java library on this project's Maven mirror provides it (Google's
 * differential-privacy library does not resolve).
 */
final class SubsampledGaussianRdp {
    /** The fractional series stops when both terms fall below e^-30 of the scale: far below double precision. */
    private static final double SERIES_CUTOFF = -30;

    private SubsampledGaussianRdp() {
    }

    /** The RDP epsilon of one step at order {@code alpha > 1}. */
    static double rdp(double samplingRate, double noiseMultiplier, double alpha, FractionalSeries series) {
        if (samplingRate == 0) {
            return 0;
        }
        if (samplingRate == 1) {
            return alpha / (2 * noiseMultiplier * noiseMultiplier);
        }
        if (Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        double logA = alpha == Math.rint(alpha)
                ? logAInteger(samplingRate, noiseMultiplier, (int) alpha)
                : logAFractional(samplingRate, noiseMultiplier, alpha, series);
        return logA / (alpha - 1);
    }

    private static double logAInteger(double q, double sigma, int alpha) {
        double logA = Double.NEGATIVE_INFINITY;
        double logBinomial = 0;
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinomial += Math.log(alpha - i + 1) - Math.log(i);
            }
            double term = logBinomial + i * Math.log(q) + (alpha - i) * Math.log1p(-q)
                    + (i * (double) i - i) / (2 * sigma * sigma);
            logA = LogSpace.add(logA, term);
        }
        return logA;
    }

    private static double logAFractional(double q, double sigma, double alpha, FractionalSeries series) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double logBinomial = 0;
        boolean positive = true;
        for (int i = 0; ; i++) {
            if (i > 0) {
                double factor = (alpha - i + 1) / i;
                logBinomial += Math.log(Math.abs(factor));
                positive ^= factor < 0;
            }
            double j = alpha - i;
            double logT0 = logBinomial + i * Math.log(q) + j * Math.log1p(-q);
            double logT1 = logBinomial + j * Math.log(q) + i * Math.log1p(-q);
            double logE0 = Math.log(0.5) + LogSpace.logErfc((i - z0) / (Math.sqrt(2) * sigma));
            double logE1 = Math.log(0.5) + LogSpace.logErfc((z0 - j) / (Math.sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (positive || series == FractionalSeries.ABSOLUTE) {
                logA0 = LogSpace.add(logA0, logS0);
                logA1 = LogSpace.add(logA1, logS1);
            } else {
                logA0 = LogSpace.subtract(logA0, logS0);
                logA1 = LogSpace.subtract(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < SERIES_CUTOFF) {
                return LogSpace.add(logA0, logA1);
            }
        }
    }
}
