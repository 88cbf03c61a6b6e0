package io.shadowfeed.trainer.transform;

/** The activation the generator applies to one span of its output. */
public enum Activation {
    /** One scalar in [-1, 1]: the normalized value of a continuous column inside its mode. */
    TANH,
    /** A one-hot group (Gumbel-softmax while training): a mode, a null indicator or a category. */
    SOFTMAX
}
