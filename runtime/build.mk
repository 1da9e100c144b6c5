# runtime: build rules arrive with the component.
