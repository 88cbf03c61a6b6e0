package io.shadowfeed.trainer.train;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/** Mean generator and critic loss per epoch, in epoch order. */
public record LossHistory(@JsonProperty("generator") List<Double> generator,
        @JsonProperty("critic") List<Double> critic) {

    public LossHistory {
        generator = List.copyOf(generator);
        critic = List.copyOf(critic);
        if (generator.size() != critic.size()) {
            throw new IllegalArgumentException("loss history has " + generator.size() + " generator and "
                    + critic.size() + " critic epochs");
        }
    }

    public static LossHistory empty() {
        return new LossHistory(List.of(), List.of());
    }

    public int epochs() {
        return generator.size();
    }

    /** This history with one more epoch. */
    public LossHistory plus(double generatorLoss, double criticLoss) {
        List<Double> g = new ArrayList<>(generator);
        List<Double> c = new ArrayList<>(critic);
        g.add(generatorLoss);
        c.add(criticLoss);
        return new LossHistory(g, c);
    }
}
