package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches a loss Hessian is taken on, copied once in double precision (inputs) onto the
 * net's device, so that no product copies them again. A Hessian and the shifted Hessians made
 * from it share one copy, freed when the last of them is closed.
 */
final class LossData implements AutoCloseable {

    private final NDManager manager;
    private final List<NDList> inputs;
    private final List<NDList> labels;
    private final long samples;
    private int users = 1;

    private LossData(NDManager manager, List<NDList> inputs, List<NDList> labels, long samples) {
        this.manager = manager;
        this.inputs = inputs;
        this.labels = labels;
        this.samples = samples;
    }

    /**
     * @param batches the data
     * @param parent the manager whose device the copies go to
     * @return the copies
     * @throws IllegalArgumentException for no batch
     */
    static LossData of(List<Batch> batches, NDManager parent) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("A loss Hessian needs data: pass at least one batch");
        }
        NDManager manager = parent.newSubManager();
        List<NDList> inputs = new ArrayList<>();
        List<NDList> labels = new ArrayList<>();
        long samples = 0;
        for (Batch batch : batches) {
            inputs.add(copy(batch.getData(), manager, true));
            labels.add(copy(batch.getLabels(), manager, false));
            samples += batch.getSize();
        }
        return new LossData(manager, inputs, labels, samples);
    }

    private static NDList copy(NDList arrays, NDManager manager, boolean toDouble) {
        NDList result = new NDList();
        for (NDArray x : arrays) {
            NDArray onDevice = x.toDevice(manager.getDevice(), false);
            NDArray copy = toDouble && onDevice.getDataType().isFloating()
                    ? onDevice.toType(DataType.FLOAT64, true) : onDevice.duplicate();
            copy.attach(manager);
            result.add(copy);
        }
        return result;
    }

    /** @return this data, with one more user: each user closes it once */
    LossData shared() {
        users++;
        return this;
    }

    /** @return the number of batches */
    int batches() {
        return inputs.size();
    }

    /** @return the number of samples in all batches */
    long samples() {
        return samples;
    }

    NDList inputs(int batch) {
        return inputs.get(batch);
    }

    NDList labels(int batch) {
        return labels.get(batch);
    }

    /** Frees the copies once every user has closed them. */
    @Override
    public void close() {
        users--;
        if (users == 0) {
            manager.close();
        }
    }
}
