system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
type a_type_name_that_is_far_too_long_to_fit_into_the_sixty_three_character_limit;
