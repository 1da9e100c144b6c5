# AMD SVM backend (kernel/arch/x86_64/svm/). svm_npt.c (nested page-table
# entries) is pure, so also a host unit test (tests/unit/test_npt.c).
SVM_DIR := kernel/arch/x86_64/svm
KERNEL_SRCS += $(wildcard $(SVM_DIR)/*.c $(SVM_DIR)/*.S)
UNIT_UNDER_TEST += $(SVM_DIR)/svm_npt.c
