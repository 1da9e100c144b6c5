// VMX instructions, RDPMC and MONITOR/MWAIT from a guest under VMX (Bochs
// corei7_skylake_x): each exits before it does anything (VMX instructions
// unconditionally, SDM vol. 3C 26.1.2; RDPMC, MONITOR, MWAIT through their
// processor-based controls, 25.6.2) and the domain is stopped with the
// exit reason logged (SDM appendix C: RDPMC 15, VMLAUNCH 20, VMPTRLD 21,
// VMXON 27, MWAIT 36, MONITOR 39, INVEPT 50; printed in hex). The SVM
// counterpart is tests/boot/harden/hostile_svm.ksh.
// boot-see: [vmxon] HOSTILE-VIRT attempt vmxon
// boot-see: ksh: domain vmxon stopped: unhandled exit 1b
// boot-see: [vmptrld] HOSTILE-VIRT attempt vmptrld
// boot-see: ksh: domain vmptrld stopped: unhandled exit 15
// boot-see: [vmlaunch] HOSTILE-VIRT attempt vmlaunch
// boot-see: ksh: domain vmlaunch stopped: unhandled exit 14
// boot-see: [invept] HOSTILE-VIRT attempt invept
// boot-see: ksh: domain invept stopped: unhandled exit 32
// boot-see: [rdpmc] HOSTILE-VIRT attempt rdpmc
// boot-see: ksh: domain rdpmc stopped: unhandled exit f
// boot-see: [monitor] HOSTILE-VIRT attempt monitor
// boot-see: ksh: domain monitor stopped: unhandled exit 27
// boot-see: [mwait] HOSTILE-VIRT attempt mwait
// boot-see: ksh: domain mwait stopped: unhandled exit 24
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "hostile_vmx" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 80ms;
		cpu 0 {
			vmxon 10ms; vmptrld 10ms; vmlaunch 10ms; invept 10ms;
			rdpmc 10ms; monitor 10ms; mwait 10ms; witness 10ms;
		}
	}
}
level low;
type t;
domain vmxon : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain vmptrld : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain vmlaunch : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain invept : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain rdpmc : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain monitor : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain mwait : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
