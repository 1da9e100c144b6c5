// SVM instructions and RDPMC from a guest: each is intercepted (VMCB
// intercept vectors, AMD APM vol. 2 15.5.1 and appendix B) and the domain
// stopped with the exit code logged, before the instruction does anything;
// the witness goes on. Exit codes (APM appendix C): RDPMC 6f, INVLPGA 7a,
// VMRUN 80, VMLOAD 82, VMSAVE 83, STGI 84, CLGI 85, SKINIT 86. Without an
// intercept the guest would get past the instruction (or take a #UD or
// #GP of its own) and print "HOSTILE-VIRT FAIL survived".
// boot-see: [vmrun] HOSTILE-VIRT attempt vmrun
// boot-see: ksh: domain vmrun stopped: unhandled exit 80
// boot-see: [vmload] HOSTILE-VIRT attempt vmload
// boot-see: ksh: domain vmload stopped: unhandled exit 82
// boot-see: [vmsave] HOSTILE-VIRT attempt vmsave
// boot-see: ksh: domain vmsave stopped: unhandled exit 83
// boot-see: [stgi] HOSTILE-VIRT attempt stgi
// boot-see: ksh: domain stgi stopped: unhandled exit 84
// boot-see: [clgi] HOSTILE-VIRT attempt clgi
// boot-see: ksh: domain clgi stopped: unhandled exit 85
// boot-see: [skinit] HOSTILE-VIRT attempt skinit
// boot-see: ksh: domain skinit stopped: unhandled exit 86
// boot-see: [invlpga] HOSTILE-VIRT attempt invlpga
// boot-see: ksh: domain invlpga stopped: unhandled exit 7a
// boot-see: [rdpmc] HOSTILE-VIRT attempt rdpmc
// boot-see: ksh: domain rdpmc stopped: unhandled exit 6f
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "hostile_virt" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 90ms;
		cpu 0 {
			vmrun 10ms; vmload 10ms; vmsave 10ms; stgi 10ms;
			clgi 10ms; skinit 10ms; invlpga 10ms; rdpmc 10ms;
			witness 10ms;
		}
	}
}
level low;
type t;
domain vmrun : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain vmload : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain vmsave : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain stgi : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain clgi : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain skinit : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain invlpga : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain rdpmc : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
