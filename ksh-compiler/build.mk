# ksh-compiler: build rules arrive with the component.
