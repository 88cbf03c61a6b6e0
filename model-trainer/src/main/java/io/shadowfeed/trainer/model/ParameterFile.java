package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;


import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Named float32 arrays in a small versioned binary file. Our own format rather than DJL's {@code Block} files:
 * the networks are not DJL blocks (see {@link Critic}), and a file that names every array lets loading say which
 * array is missing or has the wrong shape.
 *
 * <p>Layout: magic "SFNN", format version (int), count (int), then per array: name (UTF), rank (int), dims
 * (long each), values (little-endian float32).
 */
public final class ParameterFile {
    private static final int MAGIC = 0x53464E4E;
    public static final int FORMAT_VERSION = 1;

    private ParameterFile() {
    }

    public static void write(Path file, List<NamedParameter> parameters) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, parameters);
        }
    }

    public static void write(OutputStream stream, List<NamedParameter> parameters) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(parameters.size());
        for (NamedParameter parameter : parameters) {
            NDArray array = parameter.array();
            out.writeUTF(parameter.name());
            long[] dims = array.getShape().getShape();
            out.writeInt(dims.length);
            for (long dim : dims) {
                out.writeLong(dim);
            }
            float[] values = array.toFloatArray();
            ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(values);
            out.write(buffer.array());
        }
        out.flush();
    }

    /** Reads the file into the given arrays, in place; every name must be present with the same shape. */
    public static void readInto(Path file, List<NamedParameter> parameters) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            readInto(in, parameters, file.toString());
        }
    }

    public static void readInto(InputStream stream, List<NamedParameter> parameters, String source)
            throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException(source + " is not a Shadowfeed parameter file");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + " has parameter format " + version + "; this version reads "
                    + FORMAT_VERSION);
        }
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(source + " holds " + count + " arrays, the network has " + parameters.size());
        }
        for (NamedParameter parameter : parameters) {
            String name = in.readUTF();
            if (!name.equals(parameter.name())) {
                throw new IOException(source + ": expected array '" + parameter.name() + "', found '" + name + "'");
            }
            long[] dims = new long[in.readInt()];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = in.readLong();
            }
            long[] expected = parameter.array().getShape().getShape();
            if (!Arrays.equals(dims, expected)) {
                throw new IOException(source + ": array '" + name + "' has shape " + Arrays.toString(dims)
                        + ", the network expects " + Arrays.toString(expected));
            }
            int size = Math.toIntExact(parameter.array().size());
            byte[] bytes = in.readNBytes(size * Float.BYTES);
            if (bytes.length != size * Float.BYTES) {
                throw new IOException(source + " ends inside array '" + name + "'");
            }
            float[] values = new float[size];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            parameter.array().set(values);
        }
        if (in.read() != -1) {
            throw new IOException(source + " has trailing bytes after its " + count + " arrays");
        }
    }

}
