# AMD SVM backend (kernel/arch/x86_64/svm/). svm_npt.c (nested page-table
# entries) and svm_caps.c (the SVM/NPT probe decided from CPUID values)
# are pure, so also host unit tests (tests/unit/test_npt.c, test_cpu_probe.c).
SVM_DIR := kernel/arch/x86_64/svm
KERNEL_SRCS += $(wildcard $(SVM_DIR)/*.c $(SVM_DIR)/*.S)
UNIT_UNDER_TEST += $(SVM_DIR)/svm_npt.c $(SVM_DIR)/svm_caps.c
