package io.shadowfeed.trainer.evaluate;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** The Tribuo classifiers the utility evaluation can train; all seeded, so results repeat. */
public enum UtilityClassifier {
    /** Multinomial logistic regression: AdaGrad (learning rate 1.0), 5 epochs, minibatch 1 (Tribuo's defaults). */
    LOGISTIC_REGRESSION("logistic regression (Tribuo LinearSGDTrainer, log loss, AdaGrad 1.0, 5 epochs)") {
        @Override
        Trainer<Label> trainer(long seed) {
            // loggingInterval -1: no per-iteration log lines.
            return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, -1, 1, seed);
        }
    },
    /** One CART tree, depth at most 8. */
    DECISION_TREE("decision tree (Tribuo CART, Gini, max depth 8)") {
        @Override
        Trainer<Label> trainer(long seed) {
            return new CARTClassificationTrainer(8, 1.0f, seed);
        }
    };

    private final String description;

    UtilityClassifier(String description) {
        this.description = description;
    }

    /** What the report prints: the model and its settings. */
    public String description() {
        return description;
    }

    abstract Trainer<Label> trainer(long seed);
}
