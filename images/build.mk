# images: build rules arrive with the component.
