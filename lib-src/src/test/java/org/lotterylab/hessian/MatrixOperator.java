package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/** A symmetric matrix with chosen eigenvalues, Q·diag(λ)·Qᵀ for a random orthogonal Q, as an operator. */
final class MatrixOperator implements SymmetricOperator {

    private final DMatrixRMaj matrix;
    private int products;

    MatrixOperator(double[] eigenvalues, long seed) {
        int d = eigenvalues.length;
        Random random = new Random(seed);
        DMatrixRMaj gaussian = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            gaussian.data[i] = random.nextGaussian();
        }
        var qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(gaussian);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj scaled = q.copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                scaled.set(i, j, q.get(i, j) * eigenvalues[j]);
            }
        }
        this.matrix = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(scaled, q, matrix);
    }

    @Override
    public long dimension() {
        return matrix.numRows;
    }

    @Override
    public NDArray times(NDArray v) {
        products++;
        double[] x = v.toType(DataType.FLOAT64, false).toDoubleArray();
        DMatrixRMaj result = new DMatrixRMaj(matrix.numRows, 1);
        CommonOps_DDRM.mult(matrix, new DMatrixRMaj(x.length, 1, true, x), result);
        NDArray product = v.getManager().create(result.data, new Shape(x.length)).toType(v.getDataType(), false);
        return product;
    }

    int products() {
        return products;
    }
}
